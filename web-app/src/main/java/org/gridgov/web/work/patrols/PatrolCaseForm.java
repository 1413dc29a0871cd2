package org.gridgov.web.work.patrols;

import org.gridgov.desk.RequestNature;
import org.springframework.web.multipart.MultipartFile;

/** A finding raised as a case during a patrol, as the page binds it; kept when shown again with errors. */
public class PatrolCaseForm {

    private String idempotencyKey;
    private String categoryCode;
    private RequestNature nature = RequestNature.REPORT;
    private boolean urgent;
    private String address;
    private String description;
    private Double lat;
    private Double lng;
    private MultipartFile photo;

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
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
    public Double getLat() { return lat; }
    public void setLat(Double lat) { this.lat = lat; }
    public Double getLng() { return lng; }
    public void setLng(Double lng) { this.lng = lng; }
    public MultipartFile getPhoto() { return photo; }
    public void setPhoto(MultipartFile photo) { this.photo = photo; }
}
