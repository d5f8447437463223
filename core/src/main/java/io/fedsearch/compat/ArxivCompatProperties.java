package io.fedsearch.compat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fedsearch.compat.*} keys of the seed-compatible {@code GET /arxiv}.
 *
 * @param arxivProvider the id of the arxiv-type provider {@code /arxiv} queries; null = the first configured
 *                      provider of type arxiv. Checked at start-up: an unknown id or another type stops the start.
 */
@ConfigurationProperties("fedsearch.compat")
record ArxivCompatProperties(String arxivProvider) {
}
