package io.fedsearch.solrtest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs one real Solr node (Solr's own JettySolrRunner: Jetty, the CoreContainer, real HTTP on 127.0.0.1) for the
 * solr kind's tests, in a JVM of its own.
 *
 * <p>Usage: {@code SolrTestServer <solr-home>}. The cores are found in the solr home (core.properties). Once every
 * core is loaded it prints one line {@code SOLR_READY <base-url> <heap-used-bytes>} on stdout. It stops when its
 * stdin closes, so it never outlives the test JVM that started it, even when that JVM is killed.
 */
public final class SolrTestServer {

    private SolrTestServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SolrTestServer <solr-home>");
            System.exit(2);
        }
        var solr = new JettySolrRunner(args[0], JettyConfig.builder().setPort(0).stopAtShutdown(true).build());
        solr.start();
        solr.getCoreContainer().waitForLoadingCoresToFinish(60_000);
        var failures = solr.getCoreContainer().getCoreInitFailures();
        if (!failures.isEmpty()) {
            failures.forEach((core, failure) -> System.err.println("core " + core + " failed: " + failure.exception));
            solr.stop();
            System.exit(1); // the tests report "exited before it was ready" and point at this log
        }
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("SOLR_READY " + solr.getBaseUrl() + " " + heap);
        System.out.flush();
        waitForEndOfInput(System.in);
        solr.stop();
        System.exit(0);
    }

    private static void waitForEndOfInput(InputStream in) {
        try {
            while (in.read() != -1) {
                // the parent never writes; reading only detects it closing the pipe
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone, stop as well
        }
    }
}
