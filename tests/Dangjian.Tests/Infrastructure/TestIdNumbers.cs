namespace Dangjian.Tests.Infrastructure;

/// <summary>Valid 公民身份号码 for test data.</summary>
public static class TestIdNumbers
{
    /// <summary>A valid number for an area, birth date (yyyyMMdd) and sequence; the check digit by ISO 7064 MOD 11-2.</summary>
    public static string Of(string area, string birth, int sequence)
    {
        var first17 = area + birth + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
