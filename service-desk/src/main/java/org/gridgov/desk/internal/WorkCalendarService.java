package org.gridgov.desk.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.gridgov.desk.CalendarDayEdit;
import org.gridgov.desk.CalendarDayView;
import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.Deadline;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.LimitUnit;
import org.gridgov.desk.TimeLimit;
import org.gridgov.desk.WorkCalendar;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The work calendar. The listed days (a few dozen a year) are held in memory and reloaded after each edit commits, so
 * that a job computing deadlines for many cases does not query per case. One application node is assumed: another node
 * would see an edit only after its own next edit or restart.
 */
@Service
@Transactional(readOnly = true)
class WorkCalendarService implements WorkCalendar {

    private final CalendarDayRepository days;
    private final Categories categories;
    private final PlatformTime platformTime;
    private final AtomicReference<WorkingTime> cache = new AtomicReference<>();

    WorkCalendarService(CalendarDayRepository days, Categories categories, PlatformTime platformTime) {
        this.days = days;
        this.categories = categories;
        this.platformTime = platformTime;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return workingTime().isWorkingDay(day);
    }

    @Override
    public Instant add(Instant start, int amount, LimitUnit unit) {
        return workingTime().add(start, amount, unit);
    }

    @Override
    public Deadline deadline(Instant start, TimeLimit limit) {
        return workingTime().deadline(start, limit);
    }

    @Override
    public Map<DeadlineStage, Deadline> deadlines(String categoryCode, Instant start) {
        CategoryView category = categories.find(categoryCode)
                .orElseThrow(() -> new NotFoundException("category", categoryCode));
        if (category.major()) {
            throw DomainException.onField("category", "category.notMinor", categoryCode);
        }
        WorkingTime time = workingTime();
        Map<DeadlineStage, Deadline> deadlines = new EnumMap<>(DeadlineStage.class);
        for (DeadlineStage stage : DeadlineStage.values()) {
            deadlines.put(stage, time.deadline(start, category.limit(stage)));
        }
        return deadlines;
    }

    @Override
    public List<CalendarDayView> year(int year) {
        if (year < CalendarDay.FIRST_YEAR || year > CalendarDay.LAST_YEAR) {
            throw DomainException.onField("year", "calendar.day.range", CalendarDay.FIRST_YEAR, CalendarDay.LAST_YEAR);
        }
        return days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CalendarDay::view).toList();
    }

    @Override
    @Transactional
    public CalendarDayView set(LocalDate day, CalendarDayEdit edit, String updatedBy) {
        CalendarDay.checkDay(day);
        CalendarDay listed = days.findById(day).orElseGet(() -> new CalendarDay(day));
        listed.change(edit, updatedBy, platformTime.now());
        CalendarDayView view = days.saveAndFlush(listed).view();
        forgetAfterCommit();
        return view;
    }

    @Override
    @Transactional
    public void remove(LocalDate day) {
        CalendarDay listed = days.findById(day).orElseThrow(() -> new NotFoundException("calendarDay", day));
        days.delete(listed);
        forgetAfterCommit();
    }

    private WorkingTime workingTime() {
        WorkingTime time = cache.get();
        if (time == null) {
            time = new WorkingTime(days.findAll().stream()
                    .collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind)), platformTime.zone());
            cache.compareAndSet(null, time);
        }
        return time;
    }

    private void forgetAfterCommit() {
        cache.set(null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.set(null);
                }
            });
        }
    }
}
