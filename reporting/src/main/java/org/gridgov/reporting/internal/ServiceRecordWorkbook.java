package org.gridgov.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gridgov.party.ServiceRecord;
import org.gridgov.reporting.CellText;
import org.gridgov.reporting.ServiceRecordExport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The 双评议 export as one xlsx sheet, written in memory (a work unit's members: hundreds of rows, not more). */
@Component
class ServiceRecordWorkbook implements ServiceRecordExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] HEADERS = {"party.export.kind", "party.export.name", "party.export.workUnit",
        "party.export.community", "party.export.itemsDone", "party.export.hours", "party.export.communityGrade",
        "party.export.communityComment", "party.export.workUnitGrade", "party.export.workUnitComment"};

    private final ReportJobs log;
    private final MessageSource messages;

    ServiceRecordWorkbook(ReportJobs log, MessageSource messages) {
        this.log = log;
        this.messages = messages;
    }

    @Override
    public byte[] export(List<ServiceRecord> records, long unitId, int year, String workUnit, long userId,
                         String username) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "GridGov", "1.0");
            Worksheet sheet = workbook.newWorksheet(text("party.export.sheet", year));
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.value(0, c, text(HEADERS[c]));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (ServiceRecord record : records) {
                sheet.value(r, 0, text("party.kind." + record.kind().name()));
                sheet.value(r, 1, CellText.neutralise(record.name()));
                sheet.value(r, 2, CellText.neutralise(record.workUnit()));
                sheet.value(r, 3, CellText.neutralise(record.communityName()));
                sheet.value(r, 4, record.itemsDone());
                sheet.value(r, 5, record.hours());
                sheet.value(r, 6, record.communityGrade() == null ? null
                        : text("party.grade." + record.communityGrade().name()));
                sheet.value(r, 7, CellText.neutralise(record.communityComment()));
                sheet.value(r, 8, record.workUnitGrade() == null ? null
                        : text("party.grade." + record.workUnitGrade().name()));
                sheet.value(r, 9, CellText.neutralise(record.workUnitComment()));
                r++;
            }
            sheet.finish();
            workbook.finish();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("unitId", unitId);
        filter.put("year", year);
        filter.put("workUnit", workUnit);
        log.recordExport(userId, username, KIND, JSON.writeValueAsString(filter), records.size());
        return out.toByteArray();
    }

    /** A message in the current request's language; the code itself when there is none. */
    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
