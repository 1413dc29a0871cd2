package org.gridgov.web.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode ({@code gridgov.demo} empty) the application refuses to start while any user account still has
 * the published demo password ({@code app.user_account.demo_password = true}). Runs after all singletons exist (so
 * after the Flyway migration) and before the web server accepts requests. A production check, so it lives here and
 * not in the demo module (which production code never references): the flag, not the password, marks the accounts.
 */
@Component
public class DemoPasswordGuard implements SmartInitializingSingleton {

    private final DataSource dataSource;
    private final boolean demoMode;

    public DemoPasswordGuard(DataSource dataSource, @Value("${gridgov.demo:}") String demo) {
        this.dataSource = dataSource;
        this.demoMode = demo != null && !demo.isBlank();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demoMode) {
            return;
        }
        List<String> accounts = demoAccounts();
        if (!accounts.isEmpty()) {
            throw new IllegalStateException("Refusing to start: demo mode is off (gridgov.demo / GRIDGOV_DEMO is "
                    + "empty) but these accounts still have the published demo password: "
                    + String.join(", ", accounts)
                    + ". Either start in demo mode (GRIDGOV_DEMO=small or county), or give them new passwords and "
                    + "clear the flag (update app.user_account set password_hash = ..., demo_password = false), "
                    + "or delete them.");
        }
    }

    private List<String> demoAccounts() {
        try (Connection connection = dataSource.getConnection();
             Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("select to_regclass('app.user_account') is not null")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return List.of(); // not migrated: no accounts at all
                }
            }
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "select username from app.user_account where demo_password order by id limit 21")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            if (names.size() > 20) {
                names.set(20, "…");
            }
            return names;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot check app.user_account for demo passwords: " + ex.getMessage(), ex);
        }
    }
}
