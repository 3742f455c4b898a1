package io.pistonee.it;

import io.pistonee.it.server.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * Adds to a failing integration test's message what it talked to and what it saw: the server (which
 * one, its PID, whether it still runs, its log), the test's last HTTP exchanges (method, URL,
 * status, type, the start of the body) and the server log's last errors, so an intermittent failure
 * can be diagnosed from the CI log alone. Registered for every test by auto-detection
 * ({@code junit-platform.properties}); it adds nothing where no server was started.
 */
public final class FailureReport implements BeforeEachCallback, TestExecutionExceptionHandler {

    @Override
    public void beforeEach(ExtensionContext context) {
        Exchanges.clear();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String report = report();
        if (report.isEmpty()) {
            throw failure;
        }
        if (failure instanceof AssertionFailedError assertion) {
            throw explained(
                    new AssertionFailedError(
                            assertion.getMessage() + report,
                            assertion.getExpected(),
                            assertion.getActual(),
                            assertion.getCause()),
                    failure);
        }
        if (failure instanceof AssertionError) {
            throw explained(new AssertionError(failure.getMessage() + report, failure.getCause()), failure);
        }
        failure.addSuppressed(new AssertionError("What the test saw:" + report));
        throw failure;
    }

    private static AssertionError explained(AssertionError explained, Throwable original) {
        explained.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            explained.addSuppressed(suppressed);
        }
        return explained;
    }

    private static String report() {
        String server = System.getProperty("it.server");
        List<String> exchanges = Exchanges.last();
        if (server == null && exchanges.isEmpty()) {
            return "";
        }
        StringBuilder report = new StringBuilder("\n--- ")
                .append(FailureReport.class.getSimpleName())
                .append(" ---");
        report.append("\nServer: ").append(server == null ? "(none started by the suite)" : server);
        report.append(still(System.getProperty("it.server.pid")));
        report.append("\nThis test's last requests, newest last:");
        if (exchanges.isEmpty()) {
            report.append(" none through Http");
        }
        exchanges.forEach(exchange -> report.append("\n  ").append(exchange));
        String log = System.getProperty("it.server.log");
        if (log != null) {
            report.append(ServerProcess.errors(Path.of(log)));
        }
        return report.toString();
    }

    private static String still(String pid) {
        if (pid == null) {
            return "";
        }
        boolean alive = ProcessHandle.of(Long.parseLong(pid))
                .map(ProcessHandle::isAlive)
                .orElse(false);
        return alive ? "; it is still running" : "; it is NOT running any more";
    }
}
