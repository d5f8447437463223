package io.fedsearch.provider.messages;

/**
 * One upstream item.
 *
 * @param raw  the item's JSON as the upstream gave it (fields and their order kept; whitespace compacted), UTF-8
 * @param text its {@code message} field (public only for the benchmark in io.fedsearch.bench)
 */
record Message(byte[] raw, String text) {
}
