package io.fedsearch.provider.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The documents the test Solr holds: a few papers to find by word, field and phrase, and twelve to page through. */
final class Papers {

    /** Settings mapping every hit field onto the test schema (managed-schema.xml). */
    static SolrSettings settings(String url, boolean highlight, String username, String password) {
        return new SolrSettings(url, List.of("title^2", "abstract"),
                Map.of("title", "title", "url", "link", "snippet", "abstract", "authors", "author",
                        "journal", "journal", "doi", "doi", "published", "published"),
                highlight, username, password);
    }

    static final String ENTANGLEMENT_ABSTRACT = "We observe entanglement between photons travelling through coupled "
            + "waveguide lattices and measure how it decays over distance.";

    private Papers() {
    }

    static List<Map<String, Object>> all() {
        var papers = new ArrayList<Map<String, Object>>();
        papers.add(Map.of("id", "a1", "title", "Quantum entanglement in photonic lattices",
                "author", List.of("Ada Lovelace", "Grace Hopper"), "journal", "Physical Review Letters",
                "abstract", ENTANGLEMENT_ABSTRACT,
                "link", List.of("https://example.org/a1", "https://mirror.example.org/a1"),
                "doi", "10.1000/prl.1", "published", "2021-03-04T00:00:00Z"));
        papers.add(Map.of("id", "a2", "title", "Lattices of photonic crystals", "author", List.of("Alan Turing"),
                "journal", "Nature Photonics", "abstract", "Photonic crystals and lattices guide light; a review of fabrication.",
                "link", List.of("https://example.org/a2"), "published", "2019-11-20T00:00:00Z"));
        papers.add(Map.of("id", "a3", "title", "Ratios 1/2 and 3:4 in (nested) \"quoted\" C++ code",
                "author", List.of("Barbara Liskov"), "journal", "Journal of Odd Symbols",
                "abstract", "Escaping back\\slash, star* and -minus signs: AND, OR, NOT are plain words here.",
                "link", List.of("https://example.org/a3")));
        papers.add(Map.of("id", "a4", "title", "Starlight spectra of distant galaxies", "author", List.of("Vera Rubin"),
                "journal", "Astrophysical Journal", "abstract", "Stars and starlight from far away.",
                "link", List.of("https://example.org/a4")));
        for (int n = 1; n <= 12; n++) {
            papers.add(Map.of("id", "g%02d".formatted(n), "title", "Graph colouring note " + n,
                    "author", List.of("Paul Erdos"), "journal", "Graph Theory Letters",
                    "abstract", "A short note on graph colouring, part " + n + ".",
                    "published", "2020-01-%02dT00:00:00Z".formatted(n)));
        }
        return papers;
    }

    static byte[] json(List<?> documents) {
        return JsonMapper.builder().build().writeValueAsBytes(documents);
    }
}
