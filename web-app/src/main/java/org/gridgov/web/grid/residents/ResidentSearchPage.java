package org.gridgov.web.grid.residents;

import java.security.Principal;

import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.ResidentView;
import org.gridgov.grid.Residents;
import org.gridgov.grid.TooManyLookupsException;
import org.gridgov.grid.UnitView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 找居民: residents of the user's area by name, or the one with a full ID number or phone (an exact look-up, limited
 * per user and audited by {@link Residents#search}); shown masked, each with a link to the household.
 */
@Controller
class ResidentSearchPage {

    static final int PAGE_SIZE = 20;

    private final Residents residents;
    private final Hierarchy hierarchy;

    ResidentSearchPage(Residents residents, Hierarchy hierarchy) {
        this.residents = residents;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/residents")
    String search(@RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "") String q,
                  @RequestParam(defaultValue = "0") int page, Principal user, Model model,
                  HttpServletResponse response) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        String query = q.strip();
        model.addAttribute("unit", unit);
        model.addAttribute("q", query);
        PageResult<ResidentView> result = new PageResult<>(java.util.List.of(), 0, PAGE_SIZE, 0);
        if (query.length() > Residents.MAX_QUERY) {
            model.addAttribute("queryTooLong", Residents.MAX_QUERY);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        else if (!query.isEmpty()) {
            try {
                result = residents.search(unit.id(), query, Math.max(page, 0), PAGE_SIZE, user.getName());
            }
            catch (TooManyLookupsException ex) {
                model.addAttribute("lookupRefused", ex.retryAfterSeconds());
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
            }
        }
        model.addAttribute("result", result);
        return "grid/residents/list";
    }
}
