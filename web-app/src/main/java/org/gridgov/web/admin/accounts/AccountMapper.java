package org.gridgov.web.admin.accounts;

import org.gridgov.accounts.AccountAdministration;
import org.gridgov.web.admin.accounts.AccountJson.AccountView;
import org.gridgov.web.support.PageResult;
import org.mapstruct.Mapper;

/** Accounts' views to the admin API's records ({@link AccountJson}). */
@Mapper
interface AccountMapper {

    AccountView toJson(AccountAdministration.AccountView account);

    default PageResult<AccountView> toJson(org.gridgov.grid.PageResult<AccountAdministration.AccountView> page) {
        return PageResult.of(page, this::toJson);
    }
}
