package io.fedsearch.insights;

/** Body of POST /api/v1/clicks: the caller opened result {@code resultId} of {@code provider} in query {@code queryId}. */
record ClickRequest(Long queryId, String provider, String resultId) {
}
