package dev.scaffold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingTest {

  @TempDir Path tmp;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aDestinationFilledBetweenTheCheckAndTheMoveIsRefusedUntouched() throws IOException {
    Path dest = tmp.resolve("out");
    try (Staging staging = Staging.beside(dest)) {
      Files.writeString(staging.folder().resolve("README.md"), "template");
      Files.createDirectory(dest);
      Files.writeString(dest.resolve("theirs.txt"), "another program's");

      InputException e = assertThrows(InputException.class, staging::moveIntoPlace);

      assertTrue(e.getMessage().startsWith(dest + ": is not empty any more"), e.getMessage());
      assertEquals(List.of(dest.resolve("theirs.txt")), Files.list(dest).toList());
    }
    assertEquals(List.of("out"), names());
  }

  @Test
  void anEmptyFolderMadeMeanwhileIsReplacedInOneRename() throws IOException {
    Path dest = tmp.resolve("out");
    try (Staging staging = Staging.beside(dest)) {
      Files.writeString(staging.folder().resolve("README.md"), "template");
      Files.createDirectory(dest);
      staging.moveIntoPlace();
    }
    assertEquals("template", Files.readString(dest.resolve("README.md")));
    assertEquals(List.of("out"), names());
  }

  @Test
  void aRunAbandonedByCtrlCMovesNothingInThoughItsOwnThreadGoesOn() throws IOException {
    Path dest = tmp.resolve("out");
    try (Staging staging = Staging.beside(dest)) {
      Files.writeString(staging.folder().resolve("README.md"), "template");
      staging.abandon(); // what the shutdown hook does while the run's thread is still going

      OperationException e = assertThrows(OperationException.class, staging::moveIntoPlace);

      assertTrue(e.getMessage().startsWith("stopped before moving the project into " + dest), e.getMessage());
      assertFalse(staging.moved());
    }
    assertEquals(List.of(), names());
  }

  @Test
  void aSecondClaimOnOneDestinationIsRefusedWhileTheFirstHoldsIt() throws IOException {
    Path dest = tmp.resolve("out");
    try (Staging first = Staging.beside(dest)) {
      InputException e = assertThrows(InputException.class, () -> Staging.beside(dest));
      assertTrue(e.getMessage().contains("another scaffold run (pid " + ProcessHandle.current().pid() + ")"), e.getMessage());
    }
    try (Staging again = Staging.beside(dest)) {
      assertTrue(Files.isDirectory(again.folder()));
    }
  }

  @Test
  void stagingNamesRecordTheirOwner() {
    RunOwner owner = Staging.ownerOf(".scaffold-staging-my-lib-2a-18c1f-abc");
    assertEquals(new RunOwner(0x2a, 0x18c1f), owner);
    assertNull(Staging.ownerOf(".scaffold-staging-mine"));
    assertNull(Staging.ownerOf(".scaffold-staging-a-b-c-zz-yy-xx"));
  }

  @Test
  void claimDraftsOfKilledRunsAreRemovedAndThoseOfLiveRunsKept() throws IOException, InterruptedException {
    long self = ProcessHandle.current().pid();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    // killed after writing its owner file: this pid, but another start time, is another process
    Path withOwner = Files.createDirectory(tmp.resolve(MoveJournal.PREFIX + "out." + self + "-1f-1.draft"));
    Files.writeString(withOwner.resolve("owner"), new RunOwner(self, 1) + "\n");
    // killed before writing it: the pid in the name tells
    Files.createDirectory(tmp.resolve(MoveJournal.PREFIX + "out." + gone.pid() + "-2f-1.draft"));
    // a claim of this very process under way
    Path live = Files.createDirectory(tmp.resolve(MoveJournal.PREFIX + "my.lib." + self + "-3f-1.draft"));
    Files.writeString(live.resolve("owner"), RunOwner.current() + "\n");

    Staging.recoverInterrupted(tmp.resolve("out"));

    assertEquals(List.of(live.getFileName().toString()), names());
  }
}
