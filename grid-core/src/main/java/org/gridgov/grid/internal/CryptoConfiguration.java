package org.gridgov.grid.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gridgov.grid.DerivedKeys;
import org.gridgov.grid.FieldProtector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    FieldProtector fieldProtector(CryptoKeys keys) {
        return FieldProtector.sm4(keys.encryptionKey(), keys.hashKey());
    }

    @Bean
    DerivedKeys derivedKeys(CryptoKeys keys) {
        byte[] hashKey = keys.hashKey();
        return purpose -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
                return mac.doFinal(("gridgov derived key: " + purpose).getBytes(StandardCharsets.UTF_8));
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        };
    }
}
