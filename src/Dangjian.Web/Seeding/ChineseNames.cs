namespace Dangjian.Web.Seeding;

/// <summary>Believable Chinese names, posts and code-table values for synthetic rosters.</summary>
internal static class ChineseNames
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    ];

    private static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宁", "建国",
        "志强", "海涛", "建华", "国庆", "文博", "浩然", "子轩", "宇航", "俊杰", "晓东", "振华", "立新", "卫东", "永刚", "世杰",
    ];

    private static readonly string[] FemaleGiven =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "玉兰", "桂英", "丹", "萍", "红", "玲", "雪", "慧", "颖", "婷",
        "晓燕", "春梅", "海燕", "雅琴", "思雨", "欣怡", "梦婷", "佳怡", "淑华", "秀兰", "文静", "丽娟", "晓红", "美玲",
    ];

    public static readonly string[] JobPosts =
    [
        "公有经济控制企业管理岗位", "公有经济控制企业专业技术岗位", "工勤技能人员", "离退休人员", "公有经济控制企业管理岗位",
        "公有经济控制企业专业技术岗位", "工勤技能人员",
    ];

    public static readonly string[] Education = ["研究生", "大学本科", "大学本科", "大学本科", "大学专科", "大学专科", "中专", "高中"];

    public static readonly string[] Ethnicities = ["汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "壮族", "蒙古族"];

    public static string Person(Random r, bool male) =>
        Surnames[r.Next(Surnames.Length)] + (male ? MaleGiven[r.Next(MaleGiven.Length)] : FemaleGiven[r.Next(FemaleGiven.Length)]);

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];
}
