package io.fedsearch.access;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every admin action in table {@code audit_log}: who, what, on what, when. Never given a secret. */
@Component
class AuditLog {

    /**
     * @param at     unix epoch seconds
     * @param actor  the admin key's principal
     * @param action for example create_key, revoke_key, put_entitlements, put_flag, flush_caches, reload_config
     * @param target what was acted on (a key id, a principal, a flag), null when nothing in particular
     * @param detail one line, null when nothing to add
     */
    record Entry(long id, long at, String actor, String action, String target, String detail) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String actor, String action, String target, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_log (happened_at, actor, action, target, detail)
                        VALUES (:at, :actor, :action, :target, :detail)
                        """)
                .param("at", System.currentTimeMillis()).param("actor", actor).param("action", action)
                .param("target", target).param("detail", detail).update();
    }

    /** The newest entries first. */
    List<Entry> latest(int limit) {
        return jdbc.sql("""
                        SELECT id, happened_at, actor, action, target, detail FROM audit_log
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getLong("happened_at") / 1000, rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail")))
                .list();
    }
}
