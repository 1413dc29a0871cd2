package org.gridgov.web.admin.accounts;

import org.gridgov.accounts.AccountAdministration;
import org.gridgov.accounts.AccountRequests;
import org.gridgov.web.admin.accounts.AccountJson.AccountRequestView;
import org.gridgov.web.admin.accounts.AccountJson.AccountRequest;
import org.gridgov.web.admin.accounts.AccountJson.AccountView;
import org.gridgov.web.support.PageResult;
import org.mapstruct.Mapper;

/** The admin API's and page's account request to the accounts module's command, its views to the API's records. */
@Mapper
interface AccountMapper {

    AccountAdministration.NewAccount toCommand(AccountRequest request);

    AccountView toJson(AccountAdministration.AccountView account);

    AccountRequestView toJson(AccountRequests.RequestView request, boolean mayApprove, boolean mayReject);

    default PageResult<AccountView> toJson(org.gridgov.grid.PageResult<AccountAdministration.AccountView> page) {
        return PageResult.of(page, this::toJson);
    }
}
