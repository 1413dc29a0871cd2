package org.gridgov.web.desk.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.springframework.web.multipart.MultipartFile;

/**
 * The intake form as the page binds it; it keeps the input when the form is shown again with errors. Its bounds are
 * the API's ({@link NewCase}), checked all at once so that every field at fault is marked together.
 */
public class CaseIntakeForm {

    private String idempotencyKey;
    private Long gridUnitId;
    private String categoryCode;
    private RequestNature nature = RequestNature.COMPLAINT;
    private boolean urgent;
    @Size(max = NewCase.MAX_ADDRESS, message = "{case.text.max}")
    private String address;
    @NotBlank(message = "{case.description.required}")
    @Size(max = NewCase.MAX_DESCRIPTION, message = "{case.text.max}")
    private String description;
    @Size(max = NewCase.MAX_REPORTER_NAME, message = "{case.text.max}")
    private String reporterName;
    @Size(max = NewCase.MAX_REPORTER_PHONE, message = "{case.text.max}")
    private String reporterPhone;
    private Double lat;
    private Double lng;
    private MultipartFile photo;

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public Long getGridUnitId() { return gridUnitId; }
    public void setGridUnitId(Long gridUnitId) { this.gridUnitId = gridUnitId; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    public RequestNature getNature() { return nature; }
    public void setNature(RequestNature nature) { this.nature = nature; }
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean urgent) { this.urgent = urgent; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getReporterName() { return reporterName; }
    public void setReporterName(String reporterName) { this.reporterName = reporterName; }
    public String getReporterPhone() { return reporterPhone; }
    public void setReporterPhone(String reporterPhone) { this.reporterPhone = reporterPhone; }
    public Double getLat() { return lat; }
    public void setLat(Double lat) { this.lat = lat; }
    public Double getLng() { return lng; }
    public void setLng(Double lng) { this.lng = lng; }
    public MultipartFile getPhoto() { return photo; }
    public void setPhoto(MultipartFile photo) { this.photo = photo; }
}
