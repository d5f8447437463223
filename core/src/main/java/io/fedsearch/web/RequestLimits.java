package io.fedsearch.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code fedsearch.web.*}: limits every request is held to before any endpoint sees it.
 *
 * @param maxBodySize the longest request body read, on every endpoint (JSON, form, admin, clicks); a longer one is
 *                    answered 413 problem+json: at once when Content-Length says so, else as soon as the reader
 *                    passes the limit. Default 64KB; 1KB to 100MB.
 */
@ConfigurationProperties("fedsearch.web")
record RequestLimits(@DefaultValue("64KB") DataSize maxBodySize) {

    RequestLimits {
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > DataSize.ofMegabytes(100).toBytes()) {
            throw new IllegalArgumentException("fedsearch.web.max-body-size must be from 1KB to 100MB, not " + maxBodySize);
        }
    }
}
