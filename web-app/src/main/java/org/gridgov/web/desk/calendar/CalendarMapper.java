package org.gridgov.web.desk.calendar;

import java.util.List;

import org.gridgov.desk.CalendarDayEdit;
import org.mapstruct.Mapper;

/** The work calendar's mapping: listed days to the API's record, the page's form to the domain's edit. */
@Mapper
interface CalendarMapper {

    CalendarDayView toJson(org.gridgov.desk.CalendarDayView day);

    List<CalendarDayView> toJson(List<org.gridgov.desk.CalendarDayView> days);

    CalendarDayEdit toEdit(CalendarDayForm form);
}
