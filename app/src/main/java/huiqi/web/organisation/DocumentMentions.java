package huiqi.web.organisation;

import huiqi.org.DocumentUnits;
import huiqi.org.Government;
import huiqi.org.Resolution;
import huiqi.policy.Level;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unit mentions of a document resolved in the context of its issuing government, and the mapping of an
 * unresolved mention by an officer (it becomes an alias of the chosen unit, audited).
 */
@Service
public class DocumentMentions {
    private final OrgStore store;
    private final JdbcClient jdbc;

    public DocumentMentions(OrgStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** The issuing government of stored document {@code docId}; null when unknown or its region was not found. */
    public Government issuerOf(String docId) {
        return jdbc.sql("select region_code, region_name, level from policy_document where id = ?").param(docId)
                .query((rs, i) -> rs.getString(1) == null ? null : issuer(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(null);
    }

    /** The issuing government of a stored document (region code, name and level label as stored). */
    public static Government issuer(String regionCode, String regionName, String levelLabel) {
        Level level;
        try {
            level = levelLabel == null ? null : Level.ofLabel(levelLabel);
        } catch (IllegalArgumentException e) {
            level = null;
        }
        return DocumentUnits.issuer(regionCode, regionName, level);
    }

    public huiqi.org.UnitDirectory directory() {
        return store.directory();
    }

    public huiqi.org.UnitResolver resolver() {
        return store.resolver();
    }

    public Resolution resolve(Government issuer, String mention) {
        return store.resolver().resolve(mention, issuer);
    }

    /** Every distinct mention with its resolution, in the order given. */
    public Map<String, Resolution> all(Government issuer, Collection<String> mentions) {
        var resolver = store.resolver();
        Map<String, Resolution> out = new LinkedHashMap<>();
        for (String m : mentions) {
            if (m != null && !m.isBlank()) {
                out.computeIfAbsent(m.strip(), k -> resolver.resolve(k, issuer));
            }
        }
        return out;
    }

    /**
     * Maps a mention of a document from {@code issuer} to a unit: the mention becomes the unit's alias, and must
     * then resolve to that unit in the document's context (a unit of the issuing government, or of its city for a
     * 市… mention). Empty when done, else why not (and nothing is stored).
     */
    @Transactional
    public Optional<String> map(Government issuer, String mention, String unitId, String actor) {
        if (issuer == null) {
            return Optional.of("文件的发文政府未识别，不能映射单位");
        }
        Optional<String> problem = store.addAlias(unitId, mention, actor);
        if (problem.isPresent()) {
            return problem;
        }
        Resolution r = resolve(issuer, mention);
        if (!r.resolved() || !r.unitIds().equals(java.util.List.of(unitId))) {
            throw new MappingRefused("“" + mention + "”在" + issuer.name() + "的文件中仍不能唯一指向所选单位"
                    + "（只能映射到发文政府或其上级政府的单位）");
        }
        return Optional.empty();
    }

    /** Rolls the alias back when the mapping would not resolve. */
    public static final class MappingRefused extends RuntimeException {
        MappingRefused(String message) {
            super(message);
        }
    }
}
