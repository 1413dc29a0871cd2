package org.gridgov.demo;

import java.util.Random;

import org.gridgov.grid.Gender;

/**
 * Plausible Chinese personal names: surnames weighted by their share of the population (national figures, per
 * mille, top 100), given names of one or two characters from pools that differ by gender and generation.
 */
final class ChineseNames {

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
        "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
        "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦",
        "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
        "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "常"};

    /** Per mille of the population, same order as {@link #SURNAMES}. */
    private static final int[] SURNAME_WEIGHTS = {
        712, 700, 674, 510, 461, 322, 245, 219, 200, 195, 145, 138, 129, 128, 116, 113, 106, 102,
        100, 95, 93, 86, 76, 70, 69, 66, 65, 64, 63, 62, 58, 57, 56, 56, 53, 52,
        51, 51, 48, 46, 45, 42, 42, 41, 39, 38, 38, 37, 36, 35, 34, 33, 33, 32,
        31, 30, 30, 29, 28, 28, 27, 27, 26, 26, 25, 25, 24, 24, 24, 23, 23, 22,
        22, 21, 21, 20, 20, 19, 19, 18, 18, 17, 17, 16, 16, 15, 15, 15, 14, 14,
        14, 13, 13, 12, 12, 12, 11, 11, 11, 11};

    private static final int[] CUMULATIVE = new int[SURNAME_WEIGHTS.length];
    private static final int TOTAL;

    static {
        if (SURNAMES.length != SURNAME_WEIGHTS.length) {
            throw new IllegalStateException("surname weights out of step");
        }
        int sum = 0;
        for (int i = 0; i < SURNAME_WEIGHTS.length; i++) {
            sum += SURNAME_WEIGHTS[i];
            CUMULATIVE[i] = sum;
        }
        TOTAL = sum;
    }

    // born before 1980
    private static final String MALE_OLD = "建国军华明伟强平刚勇德福贵永长金山春振忠胜兵庆江万有保家海林志成新民文安"
            + "俊广全红学东生富荣";
    private static final String FEMALE_OLD = "秀英兰桂芳玉珍凤霞红梅华丽琴云萍翠彩淑美娟花爱荣莲素春巧菊香"
            + "芬敏燕平";
    // born 1980 and later
    private static final String MALE_YOUNG = "伟磊杰涛斌超鹏飞鑫波宇浩凯健俊帆帅旭宁龙阳峰亮博文晨昊然轩睿泽子豪"
            + "宏佳嘉一辰航铭哲瑞翔奕逸";
    private static final String FEMALE_YOUNG = "芳娜敏静丽艳婷雪慧莉颖倩琳欣怡雨涵诗梦萱佳悦晶可雅琪瑶晓丹露妍"
            + "婉思馨语桐若彤蕾";

    private ChineseNames() {
    }

    static String surname(Random rng) {
        int pick = rng.nextInt(TOTAL);
        // the first cumulative weight above pick
        int i = java.util.Arrays.binarySearch(CUMULATIVE, pick + 1);
        return SURNAMES[i >= 0 ? i : -i - 1];
    }

    static boolean isSurname(String s) {
        for (String surname : SURNAMES) {
            if (surname.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** One or (three times in four) two characters, avoiding a doubled character. */
    static String givenName(Random rng, Gender gender, int birthYear) {
        String pool = gender == Gender.MALE
                ? (birthYear < 1980 ? MALE_OLD : MALE_YOUNG)
                : (birthYear < 1980 ? FEMALE_OLD : FEMALE_YOUNG);
        char first = pool.charAt(rng.nextInt(pool.length()));
        if (rng.nextInt(4) == 0) {
            return String.valueOf(first);
        }
        char second;
        do {
            second = pool.charAt(rng.nextInt(pool.length()));
        } while (second == first);
        return new String(new char[] {first, second});
    }

    static String fullName(Random rng, String surname, Gender gender, int birthYear) {
        return surname + givenName(rng, gender, birthYear);
    }
}
