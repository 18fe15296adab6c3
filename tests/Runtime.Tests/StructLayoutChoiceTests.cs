using System;

namespace DoorbellGuard.Tests;

/// <summary>The Windows backend's choice of structure layout, from the build number alone, on each side of each threshold.</summary>
public class StructLayoutChoiceTests
{
    [Theory]
    [InlineData(26100, DoorbellStructLayout.Build26100)] // Windows 11 24H2, the first build with doorbells
    [InlineData(26200, DoorbellStructLayout.Build26100)] // 25H2
    [InlineData(27999, DoorbellStructLayout.Build26100)] // the last build below the threshold
    [InlineData(28000, DoorbellStructLayout.Build28000)] // the build of the SDK that brought the larger structures
    [InlineData(28001, DoorbellStructLayout.Build28000)]
    [InlineData(30000, DoorbellStructLayout.Build28000)]
    public void Automatic_picks_the_layout_of_the_build(int osBuild, DoorbellStructLayout expected)
    {
        Assert.Equal(expected, DoorbellStructLayoutChoice.ForBuild(osBuild));
        Assert.Equal(expected, DoorbellStructLayoutChoice.Resolve(DoorbellStructLayout.Automatic, osBuild));
    }

    [Fact]
    public void The_threshold_is_the_first_build_with_connect_mappings()
    {
        int threshold = DoorbellStructLayoutChoice.FirstBuildWithConnectMapping;
        Assert.Equal(28000, threshold);
        Assert.Equal(DoorbellStructLayout.Build26100, DoorbellStructLayoutChoice.ForBuild(threshold - 1));
        Assert.Equal(DoorbellStructLayout.Build28000, DoorbellStructLayoutChoice.ForBuild(threshold));
    }

    [Theory]
    [InlineData(26100)]
    [InlineData(27999)]
    public void The_larger_layout_may_be_forced_on_an_older_build(int osBuild) =>
        Assert.Equal(DoorbellStructLayout.Build28000, DoorbellStructLayoutChoice.Resolve(DoorbellStructLayout.Build28000, osBuild));

    [Fact]
    public void The_smaller_layout_forced_where_it_is_the_build_s_own_is_kept() =>
        Assert.Equal(DoorbellStructLayout.Build26100, DoorbellStructLayoutChoice.Resolve(DoorbellStructLayout.Build26100, 26100));

    [Theory]
    [InlineData(28000)]
    [InlineData(30000)]
    public void The_smaller_layout_forced_on_a_newer_build_is_refused_with_what_to_do(int osBuild)
    {
        var ex = Assert.Throws<ArgumentException>(() => DoorbellStructLayoutChoice.Resolve(DoorbellStructLayout.Build26100, osBuild));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("StructLayout is Build26100", ex.Message);
        Assert.Contains("build " + osBuild, ex.Message);
        Assert.Contains("expects the Build28000 layout", ex.Message);
        Assert.Contains("write the 88-byte structure over 8 bytes", ex.Message);
        Assert.Contains("Remove the override", ex.Message);
    }

    [Fact]
    public void An_undefined_layout_value_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DoorbellStructLayoutChoice.Resolve((DoorbellStructLayout)7, 26100));
}
