package org.gridgov.web.desk.calendar;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.CalendarDayEdit;
import org.gridgov.desk.WorkCalendar;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日历: public holidays and make-up workdays; other days follow the week")
class CalendarApi {

    private final WorkCalendar calendar;
    private final CalendarMapper mapper;

    CalendarApi(WorkCalendar calendar, CalendarMapper mapper) {
        this.calendar = calendar;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "The listed days of a year (holidays, make-up workdays; provisional before the notice)")
    List<CalendarDayView> year(@RequestParam int year) {
        return mapper.toJson(calendar.year(year));
    }

    @PutMapping("/{date}")
    @PreAuthorize(Permissions.EDIT_CALENDAR)
    @Operation(summary = "List a day as HOLIDAY or MAKEUP_WORKDAY (a Saturday or Sunday), or change it (district admins)")
    CalendarDayView set(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                        @RequestBody CalendarDayEdit edit, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(calendar.set(date, edit, user.username()));
    }

    @DeleteMapping("/{date}")
    @PreAuthorize(Permissions.EDIT_CALENDAR)
    @Operation(summary = "Remove a listed day: it follows the week again (district admins)")
    ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(date);
        return ResponseEntity.noContent().build();
    }
}
