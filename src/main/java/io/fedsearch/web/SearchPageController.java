package io.fedsearch.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The search page at {@code /} for browsers. Mapped only for requests whose {@code Accept} prefers
 * {@code text/html}: Spring MVC picks this mapping over the seed's JSON health at {@code /} exactly then, so
 * {@code curl}, scripts and health checks (no Accept, {@code *}{@code /*}, JSON first) keep {@code {"status":"ok"}}.
 * The page itself is static (src/main/resources/static); its headers come from {@link SecurityHeadersFilter}.
 */
@Controller
@Hidden
class SearchPageController {

    private static final Resource PAGE = new ClassPathResource("static/index.html");

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(PAGE);
    }
}
