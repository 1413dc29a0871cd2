package org.gridgov.grid.internal;

import org.gridgov.grid.FieldProtector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    FieldProtector fieldProtector(CryptoKeys keys) {
        return FieldProtector.sm4(keys.encryptionKey(), keys.hashKey());
    }
}
