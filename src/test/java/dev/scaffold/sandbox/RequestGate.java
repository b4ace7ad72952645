package dev.scaffold.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpStatus;

/** In front of every request: latency, faults, token check, rate limit and the request log. */
final class RequestGate implements Filter {

  static final String LOGIN = "sandbox.login";
  /** The classic token's OAuth scopes (a {@code Set<String>}), absent for fine-grained tokens. */
  static final String SCOPES = "sandbox.scopes";
  /** The GitHub App (a {@code SandboxState.App}) whose JWT authenticated the request. */
  static final String APP = "sandbox.app";
  static final String RATE_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
  private static final String SECONDARY_DOCS = RATE_DOCS + "#about-secondary-rate-limits";

  private final SandboxState state;
  private final Faults faults;
  private final RateBudget budget;
  private final AtomicInteger latencyMs;
  private final List<RecordedRequest> log = new ArrayList<>();
  private final java.util.Set<Long> inFlight = new java.util.HashSet<>();
  private long started;
  /** Requests scaffold sent on a route {@link ContractRoutes} does not list; kept when the log is cleared. */
  private final java.util.Set<String> unlisted = new java.util.TreeSet<>();

  RequestGate(SandboxState state, Faults faults, RateBudget budget, AtomicInteger latencyMs) {
    this.state = state;
    this.faults = faults;
    this.budget = budget;
    this.latencyMs = latencyMs;
  }

  /**
   * The log, once every request that had started before this call has finished: a client can see
   * its answer (or a dropped connection) before the server thread has written the entry.
   */
  java.util.Set<String> unlisted() {
    synchronized (log) {
      return java.util.Set.copyOf(unlisted);
    }
  }

  List<RecordedRequest> log() {
    synchronized (log) {
      long upTo = started;
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (inFlight.stream().anyMatch(n -> n <= upTo) && System.nanoTime() < deadline) {
        try {
          log.wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return List.copyOf(log);
    }
  }

  void clearLog() {
    synchronized (log) {
      log.clear();
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    String path = req.getRequestURI();
    if (path.startsWith("/_sandbox/")) {
      chain.doFilter(req, res);
      return;
    }
    boolean git = path.startsWith("/git/");
    String token = git ? basicPassword(req) : apiToken(req);
    long seq;
    synchronized (log) {
      seq = ++started;
      inFlight.add(seq);
    }
    int status = 0;
    try {
      status = handle(req, res, chain, path, git, token);
    } finally {
      synchronized (log) {
        log.add(new RecordedRequest(Instant.now(), req.getMethod(), path, req.getQueryString(), status,
            token != null, req.getHeader("User-Agent")));
        String agent = req.getHeader("User-Agent");
        if (!git && agent != null && agent.startsWith("scaffold/") && ContractRoutes.of(req.getMethod(), path).isEmpty()) {
          unlisted.add(req.getMethod() + " " + path);
        }
        inFlight.remove(seq);
        log.notifyAll();
      }
    }
  }

  private int handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain, String path, boolean git,
      String token) throws IOException, ServletException {
    res.setHeader("X-GitHub-Request-Id", UUID.randomUUID().toString().toUpperCase());
    int delay = latencyMs.get();
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Optional<String> login;
    state.lock.lock();
    try {
      login = state.loginForToken(token);
      if (login.isEmpty() && !git && (path.startsWith("/app/") || path.endsWith("/installation"))) {
        // a GitHub App's JWT is good for the app's own routes only
        Optional<SandboxState.App> app = state.appForJwt(token);
        app.ifPresent(a -> req.setAttribute(APP, a));
        login = app.map(a -> "app-" + a.id);
      }
    } finally {
      state.lock.unlock();
    }
    String resource = path.startsWith("/search/") ? "search" : "core";
    RateBudget.Window window = budget.peek(login.orElse(""), resource);
    Optional<Fault> fault = faults.next(req.getMethod(), path);
    if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_AFTER_HANDLING) {
      admit(req, new Discarding(res), chain, git, token, login, resource, window);
      drop(req);
      return 0;
    }
    if (fault.isPresent()) return inject(fault.get(), req, res, window, login.orElse("anonymous"));
    return admit(req, res, chain, git, token, login, resource, window);
  }

  /** Token check, rate limit, then the servlet. */
  private int admit(HttpServletRequest req, HttpServletResponse res, FilterChain chain, boolean git, String token,
      Optional<String> login, String resource, RateBudget.Window window) throws IOException, ServletException {
    String path = req.getRequestURI();
    if (login.isEmpty()) {
      if (git) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"GitHub\"");
        res.setStatus(401);
        res.setContentType("text/plain; charset=utf-8");
        res.getWriter().write(token == null ? "Authentication required\n" : "Invalid username or token.\n");
        return 401;
      }
      rateHeaders(res, budget.consume("", resource), 60);
      return json(res, 401, GitHubJson.error("Bad credentials", GitHubJson.DOCS, 401));
    }
    java.util.Set<String> scopes;
    state.lock.lock();
    try {
      scopes = state.scopes.get(token);
    } finally {
      state.lock.unlock();
    }
    if (git && scopes != null) {
      req.setAttribute(SCOPES, scopes); // a push of workflow files needs the workflow scope
    }
    if (!git) {
      if (!path.equals("/rate_limit")) window = budget.consume(login.get(), resource);
      rateHeaders(res, window, -1);
      if (window.used() > window.limit()) return primaryLimit(res, login.get());
      req.setAttribute(LOGIN, login.get());
      if (scopes != null) {
        req.setAttribute(SCOPES, scopes);
        res.setHeader("X-OAuth-Scopes", String.join(", ", scopes));
        res.setHeader("X-Accepted-OAuth-Scopes", "repo");
      }
    }
    chain.doFilter(req, res);
    return res.getStatus();
  }

  private int inject(Fault f, HttpServletRequest req, HttpServletResponse res, RateBudget.Window window, String login)
      throws IOException {
    switch (f.kind()) {
      case DROP_CONNECTION -> {
        drop(req);
        return 0;
      }
      case PRIMARY_RATE_LIMIT -> {
        long reset = Instant.now().getEpochSecond() + Math.max(1, f.resetSeconds());
        rateHeaders(res, new RateBudget.Window(window.resource(), window.limit(), window.limit(), reset), -1);
        return primaryLimit(res, login);
      }
      case SECONDARY_RATE_LIMIT -> {
        rateHeaders(res, window, -1);
        res.setHeader("Retry-After", String.valueOf(f.retryAfterSeconds()));
        String message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
            + " If you reach out to GitHub Support for help, please include the request ID "
            + res.getHeader("X-GitHub-Request-Id") + ".";
        return json(res, f.status(), GitHubJson.error(message, SECONDARY_DOCS, f.status()));
      }
      default -> {
        rateHeaders(res, window, -1);
        String reason = f.status() >= 500 ? "Server Error" : HttpStatus.getMessage(f.status());
        return json(res, f.status(), GitHubJson.error(reason, GitHubJson.DOCS, f.status()));
      }
    }
  }

  private static void drop(HttpServletRequest req) {
    ServletContextRequest.getServletContextRequest(req).getConnectionMetaData().getConnection().getEndPoint().close();
  }

  /** Swallows the answer of a request whose connection is dropped after it was handled. */
  private static final class Discarding extends HttpServletResponseWrapper {
    private final ServletOutputStream sink = new ServletOutputStream() {
      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}

      @Override
      public void write(int b) {}
    };
    private int status = 200;

    Discarding(HttpServletResponse res) {
      super(res);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return sink;
    }

    @Override
    public PrintWriter getWriter() {
      return new PrintWriter(sink);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setHeader(String name, String value) {}

    @Override
    public void addHeader(String name, String value) {}

    @Override
    public void setContentType(String type) {}

    @Override
    public void sendError(int sc) {
      status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
      status = sc;
    }

    @Override
    public void flushBuffer() {}
  }

  private int primaryLimit(HttpServletResponse res, String login) throws IOException {
    res.setHeader("X-RateLimit-Remaining", "0");
    long id;
    state.lock.lock();
    try {
      id = state.account(login).map(a -> a.id).orElse(0L);
    } finally {
      state.lock.unlock();
    }
    String message = "API rate limit exceeded for user ID " + id + ". If you reach out to GitHub Support for help,"
        + " please include the request ID " + res.getHeader("X-GitHub-Request-Id") + " and timestamp "
        + Instant.now() + ".";
    return json(res, 403, GitHubJson.error(message, RATE_DOCS, 403));
  }

  private static void rateHeaders(HttpServletResponse res, RateBudget.Window w, int limitOverride) {
    int limit = limitOverride > 0 ? limitOverride : w.limit();
    int used = Math.min(w.used(), limit);
    res.setHeader("X-RateLimit-Limit", String.valueOf(limit));
    res.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, limit - used)));
    res.setHeader("X-RateLimit-Reset", String.valueOf(w.resetEpochSeconds()));
    res.setHeader("X-RateLimit-Used", String.valueOf(used));
    res.setHeader("X-RateLimit-Resource", w.resource());
  }

  static int json(HttpServletResponse res, int status, com.fasterxml.jackson.databind.JsonNode body) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json; charset=utf-8");
    res.setHeader("X-GitHub-Media-Type", "github.v3; format=json");
    res.getOutputStream().write(GitHubJson.MAPPER.writeValueAsBytes(body));
    return status;
  }

  private static String apiToken(HttpServletRequest req) {
    String h = req.getHeader("Authorization");
    if (h == null) return null;
    for (String scheme : new String[] {"token ", "bearer "}) {
      if (h.regionMatches(true, 0, scheme, 0, scheme.length())) return h.substring(scheme.length()).trim();
    }
    return null;
  }

  /** Git over HTTP: any user name, the token as password, as with GitHub's {@code x-access-token}. */
  private static String basicPassword(HttpServletRequest req) {
    String h = req.getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "basic ", 0, 6)) return null;
    try {
      String pair = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0 ? null : pair.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
