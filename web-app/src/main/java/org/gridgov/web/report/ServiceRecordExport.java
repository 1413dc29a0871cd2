package org.gridgov.web.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gridgov.party.ServiceRecord;
import org.gridgov.web.support.Messages;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * 双评议 export — a work unit's registered members (or any area's registrations) with their year's service record
 * and both sides' grades, as xlsx; every text cell neutralised ({@link CellText}) and the export recorded in
 * {@code app.export_record} (kind {@code PARTY_SERVICE_RECORDS}).
 */
@Component
public class ServiceRecordExport {

    public static final String KIND = "PARTY_SERVICE_RECORDS";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] HEADERS = {"party.export.kind", "party.export.name", "party.export.workUnit",
        "party.export.community", "party.export.itemsDone", "party.export.hours", "party.export.communityGrade",
        "party.export.communityComment", "party.export.workUnitGrade", "party.export.workUnitComment"};

    private final ReportJobs log;
    private final Messages messages;

    ServiceRecordExport(ReportJobs log, Messages messages) {
        this.log = log;
        this.messages = messages;
    }

    /** The workbook's bytes; records who exported what and how many rows. */
    public byte[] export(List<ServiceRecord> records, long unitId, int year, String workUnit, long userId,
                         String username) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "GridGov", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.get("party.export.sheet", year));
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.value(0, c, messages.get(HEADERS[c]));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (ServiceRecord record : records) {
                sheet.value(r, 0, messages.get("party.kind." + record.kind().name()));
                sheet.value(r, 1, CellText.neutralise(record.name()));
                sheet.value(r, 2, CellText.neutralise(record.workUnit()));
                sheet.value(r, 3, CellText.neutralise(record.communityName()));
                sheet.value(r, 4, record.itemsDone());
                sheet.value(r, 5, record.hours());
                sheet.value(r, 6, record.communityGrade() == null ? null
                        : messages.get("party.grade." + record.communityGrade().name()));
                sheet.value(r, 7, CellText.neutralise(record.communityComment()));
                sheet.value(r, 8, record.workUnitGrade() == null ? null
                        : messages.get("party.grade." + record.workUnitGrade().name()));
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
}
