package io.fedsearch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * nginx in front of the replicas, as the operator set it up: round robin, passive health checks
 * (max_fails/fail_timeout) and a retry on the next replica when one fails to answer. nginx retries only idempotent
 * requests (GET, HEAD, ...) by default, never a POST that may have been processed. Each answer names the replica
 * that gave it in {@code X-Upstream}, so tests can see where nginx sent traffic.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The nginx binary: Debian's nginx-light puts it in /usr/sbin, which is not on every user's PATH. */
    static Optional<Path> binary() {
        return Stream.concat(Stream.of("/usr/sbin/nginx"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> d + "/nginx"))
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static Nginx start(Path binary, Path dir, int port, List<Integer> replicaPorts) {
        try {
            Files.createDirectories(dir.resolve("temp"));
            String servers = replicaPorts.stream()
                    .map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=2s;")
                    .collect(Collectors.joining("\n"));
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 2048; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/temp/body;
                      proxy_temp_path %1$s/temp/proxy;
                      fastcgi_temp_path %1$s/temp/fastcgi;
                      uwsgi_temp_path %1$s/temp/uwsgi;
                      scgi_temp_path %1$s/temp/scgi;
                      upstream fedsearch {
                    %2$s
                      }
                      server {
                        listen 127.0.0.1:%3$d;
                        location / {
                          proxy_pass http://fedsearch;
                          proxy_set_header Host $host;
                          proxy_set_header X-Forwarded-For $remote_addr;
                          proxy_connect_timeout 2s;
                          proxy_read_timeout 30s;
                          # a replica that refuses, resets or answers 502/503/504 is skipped for the next one
                          proxy_next_upstream error timeout http_502 http_503 http_504;
                          proxy_next_upstream_tries 3;
                          add_header X-Upstream $upstream_addr always;
                        }
                      }
                    }
                    """.formatted(dir, servers, port));
            Process process = new ProcessBuilder(binary.toString(), "-e", dir.resolve("error.log").toString(),
                    "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            return new Nginx(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("starting nginx", e);
        }
    }

    Api api() {
        return Api.at("nginx", port);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
