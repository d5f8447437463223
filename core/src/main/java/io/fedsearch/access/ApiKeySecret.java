package io.fedsearch.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key secrets: {@code fs_} followed by 256 random bits (SecureRandom), base64url without padding (43 chars).
 *
 * <p>Only SHA-256 of the secret is stored. A slow password hash (bcrypt, Argon2) protects low-entropy secrets
 * against guessing after a database leak; a 256-bit random secret cannot be guessed whatever the hash, so a
 * fast hash loses nothing, costs microseconds per request and can be looked up by index.
 */
final class ApiKeySecret {

    static final String PREFIX = "fs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the secret as sent. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    /** Constant-time comparison of a sent secret with a stored hash. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(digest(secret), HexFormat.of().parseHex(storedHash));
    }

    /** What listings show: the prefix and 4 characters, enough to tell keys apart, useless for guessing. */
    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 4));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
