package org.gridgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * GridGov 网格治理平台. Sits in the root package so that component, entity and repository scanning covers every
 * module: {@code org.gridgov.grid} (grid-core), {@code org.gridgov.party} (party-org), {@code org.gridgov.desk}
 * (service-desk) and {@code org.gridgov.web} (this module).
 */
@SpringBootApplication
public class GridGovApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridGovApplication.class, args);
    }
}
