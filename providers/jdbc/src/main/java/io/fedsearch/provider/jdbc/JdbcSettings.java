package io.fedsearch.provider.jdbc;

import io.fedsearch.provider.Capabilities;
import io.fedsearch.provider.InvalidConfigurationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * The {@code jdbc} kind's keys under {@code fedsearch.providers.<id>}. Checked when bound: a bad value stops the
 * start with one line naming its key (relative here; the core prefixes the provider's).
 *
 * @param jdbcUrl    {@code jdbc-url}, required: the database, e.g. {@code jdbc:postgresql://db:5432/library}
 * @param username   the database user, optional; give it SELECT rights only (connections are read-only anyway)
 * @param password   optional; never printed
 * @param query      required: one SELECT with the named parameters {@code :q}, {@code :limit} and {@code :offset},
 *                   and {@code :author}, {@code :title}, {@code :journal} when the provider should be asked for
 *                   those fields. A field the caller did not give is bound as NULL. Values are always bound as
 *                   statement parameters, never pasted into the SQL
 * @param countQuery {@code count-query}, optional: one SELECT of one number, the total, with the same parameters;
 *                   without it the provider reports no total
 * @param fields     {@code fields.<hit field>: <column>}, at least {@code title}; hit fields are id, title, url,
 *                   snippet, authors (an SQL array, or text separated by {@code ;}), published, journal, doi.
 *                   An unmapped field is null in every hit
 * @param poolSize   {@code pool-size}: connections in this provider's own pool, 1..64, default 4
 */
public record JdbcSettings(String jdbcUrl, String username, String password, String query, String countQuery,
                           Map<String, String> fields, @DefaultValue("4") int poolSize) {

    static final int DEFAULT_POOL_SIZE = 4;
    static final List<String> HIT_FIELDS =
            List.of("id", "title", "url", "snippet", "authors", "published", "journal", "doi");
    private static final Set<String> PARAMETERS = Set.of("q", "limit", "offset", "author", "title", "journal");
    private static final String PARAMETERS_ALLOWED = "named parameters among :q, :limit, :offset, :author, :title,"
            + " :journal (no ? placeholders)";

    public JdbcSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new InvalidConfigurationException("jdbc-url", jdbcUrl, "a JDBC URL starting with jdbc:");
        }
        Set<String> named = parameters("query", query);
        for (String required : List.of("q", "limit", "offset")) {
            if (!named.contains(required)) {
                throw new InvalidConfigurationException("query", query,
                        "the query must name :q, :limit and :offset (it lacks :" + required + ")");
            }
        }
        if (countQuery != null) {
            parameters("count-query", countQuery);
        }
        if (fields == null || !fields.containsKey("title")) {
            throw new InvalidConfigurationException("fields.title", null, "the column holding each hit's title");
        }
        for (var field : fields.entrySet()) {
            if (!HIT_FIELDS.contains(field.getKey())) {
                throw new InvalidConfigurationException("fields." + field.getKey(), field.getValue(),
                        "hit fields are " + String.join(", ", HIT_FIELDS));
            }
            if (field.getValue() == null || field.getValue().isBlank()) {
                throw new InvalidConfigurationException("fields." + field.getKey(), field.getValue(), "a column name");
            }
        }
        fields = Map.copyOf(fields);
        if (poolSize < 1 || poolSize > 64) {
            throw new InvalidConfigurationException("pool-size", poolSize, "1 to 64 connections");
        }
    }

    /** The fields a caller may ask this provider for: those whose parameter the query names. */
    Capabilities capabilities() {
        Set<String> named = parameters("query", query);
        return new Capabilities(true, named.contains("author"), named.contains("title"), named.contains("journal"));
    }

    /** The named parameters of {@code sql}, in order; fails naming {@code key} on an unknown one or a {@code ?}. */
    private static Set<String> parameters(String key, String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidConfigurationException(key, sql, "one SELECT with " + PARAMETERS_ALLOWED);
        }
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        Set<String> named = new LinkedHashSet<>();
        List<SqlParameter> occurrences = NamedParameterUtils.buildSqlParameterList(parsed, new EmptySqlParameterSource());
        for (SqlParameter parameter : occurrences) {
            if (!PARAMETERS.contains(parameter.getName())) {
                throw new InvalidConfigurationException(key, sql,
                        PARAMETERS_ALLOWED + "; :" + parameter.getName() + " is not one");
            }
            named.add(parameter.getName());
        }
        var everyParameter = new MapSqlParameterSource();
        PARAMETERS.forEach(name -> everyParameter.addValue(name, null));
        try {
            // More values than named occurrences means ? placeholders, which nothing here would bind.
            if (NamedParameterUtils.buildValueArray(parsed, everyParameter, null).length != occurrences.size()) {
                throw new InvalidConfigurationException(key, sql, PARAMETERS_ALLOWED);
            }
        } catch (InvalidDataAccessApiUsageException mixed) {
            throw new InvalidConfigurationException(key, sql, PARAMETERS_ALLOWED);
        }
        return named;
    }

    /** Without the password, so that settings can be logged. */
    @Override
    public String toString() {
        return "JdbcSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=" + (password == null ? null : "***")
                + ", query=" + query + ", countQuery=" + countQuery + ", fields=" + new TreeMap<>(fields)
                + ", poolSize=" + poolSize + "]";
    }
}
