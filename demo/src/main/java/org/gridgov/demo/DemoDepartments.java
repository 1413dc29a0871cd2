package org.gridgov.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo county's departments (职能部门): fourteen county departments (县直部门) and three offices in every street
 * (派出所, 城管中队, 司法所), each with one demo handler; and where each minor category goes (分拨). A department's code is
 * its parent's plus "9" and {@link Office#suffix}, which is how the case loader finds the offices again in the database.
 */
final class DemoDepartments {

    /** One kind of department: under the county ({@code county}) or in every street. */
    enum Office {
        PUBLIC_SECURITY(true, "01", "公安局", "dept2"),
        CITY_MANAGEMENT(true, "02", "城市管理局", "dept1"),
        HOUSING(true, "03", "住房和城乡建设局", "dept3"),
        MARKET(true, "04", "市场监督管理局", "dept4"),
        EMERGENCY(true, "05", "应急管理局", "dept5"),
        ENVIRONMENT(true, "06", "生态环境局", "dept6"),
        HEALTH(true, "07", "卫生健康局", "dept7"),
        CIVIL_AFFAIRS(true, "08", "民政局", "dept8"),
        HUMAN_RESOURCES(true, "09", "人力资源和社会保障局", "dept9"),
        EDUCATION(true, "10", "教育局", "dept10"),
        TRANSPORT(true, "11", "交通运输局", "dept11"),
        WATER(true, "12", "水利局", "dept12"),
        NATURAL_RESOURCES(true, "13", "自然资源局", "dept13"),
        FIRE(true, "14", "消防救援大队", "dept14"),
        POLICE_STATION(false, "01", "派出所", "pcs"),
        ENFORCEMENT_SQUAD(false, "02", "城管中队", "cgzd"),
        JUSTICE_OFFICE(false, "03", "司法所", "sfs");

        final boolean county;
        final String suffix;
        final String name;
        /** The user name of its handler; street offices append the street's number (pcs1, cgzd1, sfs1 …). */
        final String username;

        Office(boolean county, String suffix, String name, String username) {
            this.county = county;
            this.suffix = suffix;
            this.name = name;
            this.username = username;
        }

        /** The unit's name: 县公安局 …, or the street's name followed by 派出所 …. */
        String unitName(String streetName) {
            return county ? "县" + name : streetName + name;
        }

        String username(int streetNumber) {
            return county ? username : username + streetNumber;
        }

        static Office of(boolean county, String suffix) {
            for (Office office : values()) {
                if (office.county == county && office.suffix.equals(suffix)) {
                    return office;
                }
            }
            return null;
        }
    }

    /**
     * Where a minor category goes: its default county department ({@code lead}), the street office that sometimes
     * leads instead (or null), and the departments that may assist (协办) or that a case is wrongly sent to (误派).
     */
    record Route(Office lead, Office streetLead, List<Office> assists) {
    }

    static final Map<String, Route> ROUTES = Map.ofEntries(
            route("0101", Office.PUBLIC_SECURITY, Office.JUSTICE_OFFICE, Office.CIVIL_AFFAIRS, Office.POLICE_STATION),
            route("0102", Office.CIVIL_AFFAIRS, Office.JUSTICE_OFFICE, Office.PUBLIC_SECURITY, Office.POLICE_STATION),
            route("0103", Office.HUMAN_RESOURCES, null, Office.HOUSING, Office.MARKET, Office.JUSTICE_OFFICE),
            route("0201", Office.PUBLIC_SECURITY, Office.POLICE_STATION, Office.MARKET, Office.HOUSING),
            route("0202", Office.PUBLIC_SECURITY, Office.POLICE_STATION, Office.MARKET, Office.EDUCATION),
            route("0301", Office.EMERGENCY, null, Office.FIRE, Office.MARKET, Office.ENVIRONMENT),
            route("0302", Office.HOUSING, null, Office.FIRE, Office.EMERGENCY, Office.MARKET),
            route("0303", Office.HOUSING, null, Office.NATURAL_RESOURCES, Office.EMERGENCY, Office.CIVIL_AFFAIRS),
            route("0401", Office.FIRE, null, Office.CITY_MANAGEMENT, Office.TRANSPORT, Office.PUBLIC_SECURITY),
            route("0402", Office.FIRE, null, Office.HOUSING, Office.PUBLIC_SECURITY),
            route("0403", Office.FIRE, null, Office.HOUSING, Office.EMERGENCY),
            route("0501", Office.CITY_MANAGEMENT, Office.ENFORCEMENT_SQUAD, Office.ENVIRONMENT, Office.HEALTH),
            route("0502", Office.HOUSING, null, Office.WATER, Office.ENVIRONMENT, Office.CITY_MANAGEMENT),
            route("0503", Office.ENVIRONMENT, null, Office.PUBLIC_SECURITY, Office.CITY_MANAGEMENT, Office.HOUSING),
            route("0601", Office.CITY_MANAGEMENT, Office.ENFORCEMENT_SQUAD, Office.ENVIRONMENT, Office.MARKET),
            route("0602", Office.CITY_MANAGEMENT, Office.ENFORCEMENT_SQUAD, Office.MARKET),
            route("0603", Office.HOUSING, Office.ENFORCEMENT_SQUAD, Office.CITY_MANAGEMENT, Office.ENVIRONMENT,
                    Office.NATURAL_RESOURCES),
            route("0604", Office.CITY_MANAGEMENT, Office.ENFORCEMENT_SQUAD, Office.TRANSPORT, Office.MARKET,
                    Office.PUBLIC_SECURITY),
            route("0701", Office.CIVIL_AFFAIRS, null, Office.HEALTH, Office.HUMAN_RESOURCES),
            route("0702", Office.CIVIL_AFFAIRS, null, Office.HUMAN_RESOURCES, Office.HEALTH, Office.EDUCATION),
            route("0703", Office.HUMAN_RESOURCES, null, Office.CIVIL_AFFAIRS, Office.HEALTH, Office.PUBLIC_SECURITY),
            route("0801", Office.HOUSING, null, Office.MARKET, Office.CITY_MANAGEMENT),
            route("0802", Office.HOUSING, null, Office.MARKET, Office.JUSTICE_OFFICE),
            route("0901", Office.HEALTH, null, Office.PUBLIC_SECURITY, Office.EDUCATION, Office.MARKET),
            route("0902", Office.HEALTH, null, Office.CIVIL_AFFAIRS),
            route("9901", Office.CITY_MANAGEMENT, null, Office.MARKET, Office.TRANSPORT));

    /** A category not in the table (added by an administrator) goes to 城市管理局, with 市场监管 to assist. */
    static Route route(String category) {
        return ROUTES.getOrDefault(category, new Route(Office.CITY_MANAGEMENT, null, List.of(Office.MARKET)));
    }

    private static Map.Entry<String, Route> route(String category, Office lead, Office streetLead,
                                                  Office... assists) {
        return Map.entry(category, new Route(lead, streetLead, List.of(assists)));
    }

    private DemoDepartments() {
    }
}
