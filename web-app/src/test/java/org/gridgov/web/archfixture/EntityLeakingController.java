package org.gridgov.web.archfixture;

import jakarta.persistence.EntityManager;

import org.springframework.web.bind.annotation.RestController;

/**
 * Deliberate violator for ModularityTests: a controller that holds JPA. Abstract so that component scanning (which
 * starts at {@code org.gridgov} and sees test classes) never registers it in a test context.
 */
@RestController
abstract class EntityLeakingController {

    abstract EntityManager entityManager();
}
