package io.fedsearch.web;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat settings that keep every answer problem+json and every body within fedsearch.web.max-body-size:
 * <ul>
 *   <li>the host's error report valve is {@link ProblemErrorReportValve}, replacing the HTML one (and the one Spring
 *       Boot adds for server.error.include-stacktrace); ordered last so it runs after Boot's own customizer;</li>
 *   <li>form bodies, which Tomcat parses itself, are held to the same limit (connector maxPostSize);</li>
 *   <li>after a 413 Tomcat closes the connection instead of reading the rest of the body.</li>
 * </ul>
 */
@Component
class TomcatCustomization implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final RequestLimits limits;

    TomcatCustomization(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setMaxPostSize((int) limits.maxBodySize().toBytes()));
        factory.addContextCustomizers(context -> {
            context.setSwallowAbortedUploads(false);
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                // The host adds the valve named above when it starts; by then every customizer has run, so any
                // other error report valve can be taken out first.
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) removeOtherErrorValves(host);
                });
            }
        });
    }

    private static void removeOtherErrorValves(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
