package io.fedsearch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fedsearch: one HTTP search API over many search providers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FedsearchApplication {

    public static void main(String[] args) {
        SpringApplication.run(FedsearchApplication.class, args);
    }
}
