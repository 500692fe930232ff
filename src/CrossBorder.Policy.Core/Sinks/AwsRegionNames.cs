using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Sinks;

/// <summary>
/// The static members of the AWS SDK's <c>Amazon.RegionEndpoint</c> (AWSSDK.Core 4.x) and the region system names
/// they stand for. Regions the knowledge base does not place (the isolated partitions, for example) resolve
/// like any unplaced <c>amazonaws.com</c> host: outside mainland China. Where each region is comes from the jurisdiction knowledge base
/// (<see cref="Jurisdictions.JurisdictionKnowledgeBase.AwsRegions"/>; <c>cn-*</c> through <c>amazonaws.com.cn</c>).
/// </summary>
public static class AwsRegionNames
{
    public static IReadOnlyDictionary<string, string> ByMemberName { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AFSouth1"] = "af-south-1",
        ["APEast1"] = "ap-east-1",
        ["APEast2"] = "ap-east-2",
        ["APNortheast1"] = "ap-northeast-1",
        ["APNortheast2"] = "ap-northeast-2",
        ["APNortheast3"] = "ap-northeast-3",
        ["APSouth1"] = "ap-south-1",
        ["APSouth2"] = "ap-south-2",
        ["APSoutheast1"] = "ap-southeast-1",
        ["APSoutheast2"] = "ap-southeast-2",
        ["APSoutheast3"] = "ap-southeast-3",
        ["APSoutheast4"] = "ap-southeast-4",
        ["APSoutheast5"] = "ap-southeast-5",
        ["APSoutheast6"] = "ap-southeast-6",
        ["APSoutheast7"] = "ap-southeast-7",
        ["CACentral1"] = "ca-central-1",
        ["CAWest1"] = "ca-west-1",
        ["CNNorth1"] = "cn-north-1",
        ["CNNorthWest1"] = "cn-northwest-1",
        ["EUCentral1"] = "eu-central-1",
        ["EUCentral2"] = "eu-central-2",
        ["EUNorth1"] = "eu-north-1",
        ["EUSouth1"] = "eu-south-1",
        ["EUSouth2"] = "eu-south-2",
        ["EUWest1"] = "eu-west-1",
        ["EUWest2"] = "eu-west-2",
        ["EUWest3"] = "eu-west-3",
        ["ILCentral1"] = "il-central-1",
        ["MECentral1"] = "me-central-1",
        ["MESouth1"] = "me-south-1",
        ["MXCentral1"] = "mx-central-1",
        ["SAEast1"] = "sa-east-1",
        ["USEast1"] = "us-east-1",
        ["USEast2"] = "us-east-2",
        ["USGovCloudEast1"] = "us-gov-east-1",
        ["USGovCloudWest1"] = "us-gov-west-1",
        ["USWest1"] = "us-west-1",
        ["USWest2"] = "us-west-2",
        ["MEWest1"] = "me-west-1",
        ["SAWest1"] = "sa-west-1",
        ["EUSCDeEast1"] = "eusc-de-east-1",
        ["USIsoEast1"] = "us-iso-east-1",
        ["USIsoWest1"] = "us-iso-west-1",
        ["USIsobEast1"] = "us-isob-east-1",
        ["USIsobWest1"] = "us-isob-west-1",
        ["EUIsoeWest1"] = "eu-isoe-west-1",
        ["USIsofEast1"] = "us-isof-east-1",
        ["USIsofSouth1"] = "us-isof-south-1",
    };
}
