package org.gridgov.grid;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot configuration grid-core's integration tests start: only this module's beans. */
@SpringBootApplication
public class GridCoreTestApplication {
}
