package org.gridgov.web.desk.calendar;

import org.gridgov.web.support.FormErrors;
import java.time.LocalDate;

import org.gridgov.desk.DayKind;
import org.gridgov.desk.WorkCalendar;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历 — district admins list a year's holidays and make-up workdays, add and remove them. */
@Controller
@PreAuthorize(Permissions.EDIT_CALENDAR)
class CalendarPages {

    private final WorkCalendar calendar;
    private final PlatformTime time;
    private final CalendarMapper mapper;

    CalendarPages(WorkCalendar calendar, PlatformTime time, CalendarMapper mapper) {
        this.calendar = calendar;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/admin/calendar")
    String year(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? time.thisYear() : year;
        model.addAttribute("form", new CalendarDayForm(null, DayKind.HOLIDAY, ""));
        return page(shown, model);
    }

    @PostMapping("/admin/calendar")
    String add(@ModelAttribute("form") CalendarDayForm form, BindingResult result,
               @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        int year = form.day() == null ? time.thisYear() : form.day().getYear();
        if (!result.hasErrors()) {
            try {
                calendar.set(form.day(), mapper.toEdit(form), user.username());
                redirect.addFlashAttribute("notice", "calendar.saved");
                return "redirect:/admin/calendar?year=" + year;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return page(year, model);
    }

    @PostMapping("/admin/calendar/{day}/remove")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  RedirectAttributes redirect) {
        calendar.remove(day);
        redirect.addFlashAttribute("notice", "calendar.removed");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String page(int year, Model model) {
        try {
            model.addAttribute("days", calendar.year(year));
        }
        catch (DomainException ex) {
            return "redirect:/admin/calendar";
        }
        model.addAttribute("year", year);
        model.addAttribute("kinds", DayKind.values());
        return "desk/calendar/calendar";
    }
}
