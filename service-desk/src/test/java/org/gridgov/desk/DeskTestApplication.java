package org.gridgov.desk;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot configuration service-desk's integration tests start: only this module's beans. */
@SpringBootApplication
public class DeskTestApplication {
}
