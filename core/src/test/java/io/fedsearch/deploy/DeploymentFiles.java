package io.fedsearch.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads what deployment files say about the app (environment variables, ports, probe paths) without running them:
 * Dockerfile lines, compose and Kubernetes YAML, nginx upstreams, the cluster script. {@link #problems} then checks
 * each against the app.
 */
final class DeploymentFiles {

    enum Kind { VARIABLE, PORT, PROBE }

    /** One thing a file names: an environment variable, a port of the app, or a path a probe or check calls. */
    record Reference(String file, Kind kind, String value) {}

    private static final Pattern URL = Pattern.compile("https?://[^/\\s:\"']+(?::(\\d+))?(/[^\\s\"']*)");
    private static final Pattern DOCKER_ENV = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("^\\s*server\\s+[^\\s:;]+:(\\d+)", Pattern.MULTILINE);
    private static final Pattern SCRIPT_VARIABLE =
            Pattern.compile("^\\s+((?:SERVER|SPRING|FEDSEARCH|MANAGEMENT|LOGGING)_[A-Z0-9_]+)=", Pattern.MULTILINE);
    private static final Pattern ACTUATOR_PATH = Pattern.compile("/actuator(?:/[a-z-]+)*");

    private DeploymentFiles() {}

    static List<Reference> dockerfile(String file, String text) {
        List<Reference> found = new ArrayList<>();
        for (String line : text.replace("\\\n", " ").split("\n")) {
            String trimmed = line.strip();
            String instruction = trimmed.split("\\s+", 2)[0].toUpperCase();
            String rest = trimmed.length() > instruction.length() ? trimmed.substring(instruction.length()).strip() : "";
            switch (instruction) {
                case "ENV" -> {
                    Matcher m = DOCKER_ENV.matcher(rest);
                    while (m.find()) {
                        found.add(new Reference(file, Kind.VARIABLE, m.group(1)));
                        if (m.group(1).equals("SERVER_PORT")) {
                            found.add(new Reference(file, Kind.PORT, m.group(2).replace("\"", "")));
                        }
                    }
                }
                case "EXPOSE" -> {
                    for (String port : rest.split("\\s+")) {
                        found.add(new Reference(file, Kind.PORT, port.replaceAll("/.*", "")));
                    }
                }
                case "HEALTHCHECK" -> urls(file, rest, found);
                default -> { }
            }
        }
        return found;
    }

    /** The services running the app (image fedsearch*), and the nginx config a service mounts, read by nginxConf. */
    static List<Reference> compose(String file, String text) {
        List<Reference> found = new ArrayList<>();
        Map<String, Object> compose = new Yaml().load(text);
        for (Map.Entry<String, Object> service : map(compose.get("services")).entrySet()) {
            Map<String, Object> spec = map(service.getValue());
            if (!String.valueOf(spec.get("image")).startsWith("fedsearch")) {
                continue;
            }
            String where = file + " service " + service.getKey();
            environment(spec.get("environment")).forEach((name, value) -> {
                found.add(new Reference(where, Kind.VARIABLE, name));
                if (name.equals("SERVER_PORT")) {
                    found.add(new Reference(where, Kind.PORT, value));
                }
            });
            for (Object port : list(spec.get("expose"))) {
                found.add(new Reference(where, Kind.PORT, String.valueOf(port)));
            }
            for (Object word : list(map(spec.get("healthcheck")).get("test"))) {
                urls(where, String.valueOf(word), found);
            }
        }
        return found;
    }

    /** The ports of `server host:port` lines: the replicas behind nginx. */
    static List<Reference> nginxConf(String file, String text) {
        List<Reference> found = new ArrayList<>();
        Matcher m = UPSTREAM_SERVER.matcher(text);
        while (m.find()) {
            found.add(new Reference(file, Kind.PORT, m.group(1)));
        }
        return found;
    }

    /** Kubernetes manifests, all files of one application together (a Deployment reads a ConfigMap's keys). */
    static List<Reference> kubernetes(Map<String, String> files) {
        List<Reference> found = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        List<Map.Entry<String, Map<String, Object>>> deployments = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            for (Object document : new Yaml().loadAll(file.getValue())) {
                Map<String, Object> manifest = map(document);
                String name = String.valueOf(map(manifest.get("metadata")).get("name"));
                switch (String.valueOf(manifest.get("kind"))) {
                    case "ConfigMap" -> configMaps.put(name, map(manifest.get("data")));
                    case "Deployment" -> deployments.add(Map.entry(file.getKey(), manifest));
                    default -> { }
                }
            }
        }
        for (Map.Entry<String, Map<String, Object>> deployment : deployments) {
            Map<String, Object> pod = map(map(map(deployment.getValue().get("spec")).get("template")).get("spec"));
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                String where = deployment.getKey() + " container " + container.get("name");
                Map<String, String> namedPorts = new LinkedHashMap<>();
                for (Object p : list(container.get("ports"))) {
                    Map<String, Object> port = map(p);
                    String number = String.valueOf(port.get("containerPort"));
                    namedPorts.put(String.valueOf(port.get("name")), number);
                    found.add(new Reference(where, Kind.PORT, number));
                }
                for (Object e : list(container.get("env"))) {
                    Map<String, Object> env = map(e);
                    found.add(new Reference(where, Kind.VARIABLE, String.valueOf(env.get("name"))));
                    if ("SERVER_PORT".equals(env.get("name"))) {
                        found.add(new Reference(where, Kind.PORT, String.valueOf(env.get("value"))));
                    }
                }
                for (Object e : list(container.get("envFrom"))) {
                    Object ref = map(e).get("configMapRef");
                    String configMap = String.valueOf(map(ref).get("name"));
                    if (ref != null && !configMaps.containsKey(configMap)) {
                        found.add(new Reference(where, Kind.VARIABLE, "<missing ConfigMap " + configMap + ">"));
                    }
                    map(configMaps.get(configMap)).keySet().forEach(name ->
                            found.add(new Reference(where + " ConfigMap " + configMap, Kind.VARIABLE, name)));
                }
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
                    if (get.isEmpty()) {
                        continue;
                    }
                    String port = String.valueOf(get.get("port"));
                    found.add(new Reference(where + " " + probe, Kind.PORT, namedPorts.getOrDefault(port, port)));
                    found.add(new Reference(where + " " + probe, Kind.PROBE, String.valueOf(get.get("path"))));
                }
            }
        }
        return found;
    }

    /** A shell script starting replicas: the app variables it sets, the actuator paths it waits on. */
    static List<Reference> script(String file, String text) {
        List<Reference> found = new ArrayList<>();
        Matcher variables = SCRIPT_VARIABLE.matcher(text);
        while (variables.find()) {
            found.add(new Reference(file, Kind.VARIABLE, variables.group(1)));
        }
        Matcher paths = ACTUATOR_PATH.matcher(text);
        while (paths.find()) {
            found.add(new Reference(file, Kind.PROBE, paths.group()));
        }
        return found;
    }

    /** One line per reference the app does not have. */
    static List<String> problems(List<Reference> references, AppSettings app, Predicate<String> probeAnswers) {
        List<String> problems = new ArrayList<>();
        for (Reference ref : references) {
            switch (ref.kind()) {
                case VARIABLE -> {
                    if (!app.knows(ref.value())) {
                        problems.add(ref.file() + ": " + ref.value() + " is neither a config key of the app "
                                + "(relaxed binding) nor a variable it reads");
                    }
                }
                case PORT -> {
                    if (!ref.value().equals(String.valueOf(app.serverPort()))) {
                        problems.add(ref.file() + ": port " + ref.value() + " is not server.port " + app.serverPort());
                    }
                }
                case PROBE -> {
                    if (!probeAnswers.test(ref.value())) {
                        problems.add(ref.file() + ": " + ref.value() + " does not answer 200 on the app");
                    }
                }
            }
        }
        return problems;
    }

    private static void urls(String file, String text, List<Reference> found) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            found.add(new Reference(file, Kind.PORT, m.group(1) == null ? "80" : m.group(1)));
            found.add(new Reference(file, Kind.PROBE, m.group(2)));
        }
    }

    /** Compose environment: a map, or a list of NAME=value. */
    private static Map<String, String> environment(Object environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> variables.put(String.valueOf(k), String.valueOf(v)));
        } else {
            for (Object entry : list(environment)) {
                String[] parts = String.valueOf(entry).split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
