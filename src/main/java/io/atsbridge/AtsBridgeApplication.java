package io.atsbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AtsBridgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(AtsBridgeApplication.class, args);
    }
}
