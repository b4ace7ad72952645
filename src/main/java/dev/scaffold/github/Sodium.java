package dev.scaffold.github;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.scaffold.OperationException;
import java.util.List;

/**
 * libsodium's sealed boxes ({@code crypto_box_seal}), which GitHub requires for Actions secrets,
 * called in the system's libsodium through JNA: no cryptography is written here. Loaded on first
 * use only, so runs without secrets never need the library.
 */
public final class Sodium {

  /** The few libsodium functions used. */
  interface Lib extends Library {
    int sodium_init();

    int crypto_box_seal(byte[] c, byte[] m, long mlen, byte[] pk);

    int crypto_box_seal_open(byte[] m, byte[] c, long clen, byte[] pk, byte[] sk);

    int crypto_box_keypair(byte[] pk, byte[] sk);
  }

  /** crypto_box_PUBLICKEYBYTES and crypto_box_SEALBYTES. */
  public static final int KEY_BYTES = 32;

  public static final int SEAL_BYTES = 48;

  private static Lib lib;

  private Sodium() {}

  private static synchronized Lib lib() {
    if (lib == null) {
      Lib loaded = null;
      // libsodium.so comes with the -dev package; the runtime package has only the versioned name
      for (String name : List.of("sodium", "libsodium.so.23", "libsodium.so.26", "libsodium.23.dylib")) {
        try {
          loaded = Native.load(name, Lib.class);
          break;
        } catch (UnsatisfiedLinkError e) {
          // try the next name
        }
      }
      if (loaded == null || loaded.sodium_init() < 0) {
        throw new OperationException("Actions secrets are sealed with libsodium, which is not installed: install it"
            + " (Debian/Ubuntu: apt-get install libsodium23; macOS: brew install libsodium)");
      }
      lib = loaded;
    }
    return lib;
  }

  /** Seals {@code message} for the holder of {@code publicKey} (anonymous sender, as GitHub expects). */
  public static byte[] seal(byte[] message, byte[] publicKey) {
    if (publicKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("a sealed box key has " + KEY_BYTES + " bytes, not " + publicKey.length);
    }
    byte[] out = new byte[message.length + SEAL_BYTES];
    if (lib().crypto_box_seal(out, message, message.length, publicKey) != 0) {
      throw new OperationException("libsodium could not seal the secret");
    }
    return out;
  }

  /** Opens a sealed box; null when it was not sealed for this key pair (or was altered). */
  public static byte[] open(byte[] sealed, byte[] publicKey, byte[] secretKey) {
    if (sealed.length < SEAL_BYTES) {
      return null;
    }
    byte[] out = new byte[sealed.length - SEAL_BYTES];
    return lib().crypto_box_seal_open(out, sealed, sealed.length, publicKey, secretKey) == 0 ? out : null;
  }

  /** A new key pair: {public, secret}. */
  public static byte[][] keyPair() {
    byte[] pk = new byte[KEY_BYTES];
    byte[] sk = new byte[KEY_BYTES];
    if (lib().crypto_box_keypair(pk, sk) != 0) {
      throw new OperationException("libsodium could not make a key pair");
    }
    return new byte[][] {pk, sk};
  }
}
