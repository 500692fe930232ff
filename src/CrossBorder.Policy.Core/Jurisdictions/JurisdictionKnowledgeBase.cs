using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>
/// The built-in knowledge of where hosts are: local and private names and addresses, the regional endpoints of the
/// large cloud providers, mainland-China top-level domains and country-code top-level domains. Pure data: the rules
/// are evaluated in the order of <see cref="Rules"/> and the first match decides. A region that could not be
/// confirmed is left out of its table (its hosts fall through to later rules or to the default for unknown hosts)
/// rather than guessed. Change the data, bump <see cref="Version"/>, and docs/jurisdictions.md.
/// </summary>
public static class JurisdictionKnowledgeBase
{
    /// <summary>The version of the data, a date (<c>yyyy-MM-dd</c>) with an optional <c>.n</c> revision.</summary>
    public const string Version = "2026-11-26";

    private const string Aws = "Amazon Web Services";
    private const string AwsChina = "Amazon Web Services China (Beijing, Ningxia)";
    private const string Azure = "Microsoft Azure";
    private const string AzureChina = "Microsoft Azure operated by 21Vianet (China)";
    private const string Alibaba = "Alibaba Cloud";
    private const string Tencent = "Tencent Cloud";
    private const string Huawei = "Huawei Cloud";
    private const string Google = "Google Cloud";
    private const string Local = "Local and private networks";

    /// <summary>Amazon Web Services, global partition (<c>amazonaws.com</c>). The China regions use <c>amazonaws.com.cn</c>.</summary>
    public static RegionTable AwsRegions { get; } = new("aws-regions", "region", new[]
    {
        new RegionEntry("us-east-1", "US", "N. Virginia, United States"),
        new RegionEntry("us-east-2", "US", "Ohio, United States"),
        new RegionEntry("us-west-1", "US", "N. California, United States"),
        new RegionEntry("us-west-2", "US", "Oregon, United States"),
        new RegionEntry("us-gov-east-1", "US", "AWS GovCloud (US-East), United States"),
        new RegionEntry("us-gov-west-1", "US", "AWS GovCloud (US-West), United States"),
        new RegionEntry("ca-central-1", "CA", "Canada (Central)"),
        new RegionEntry("ca-west-1", "CA", "Calgary, Canada"),
        new RegionEntry("mx-central-1", "MX", "Mexico (Central)"),
        new RegionEntry("sa-east-1", "BR", "São Paulo, Brazil"),
        new RegionEntry("eu-central-1", "DE", "Frankfurt, Germany"),
        new RegionEntry("eu-central-2", "CH", "Zurich, Switzerland"),
        new RegionEntry("eu-west-1", "IE", "Ireland"),
        new RegionEntry("eu-west-2", "GB", "London, United Kingdom"),
        new RegionEntry("eu-west-3", "FR", "Paris, France"),
        new RegionEntry("eu-south-1", "IT", "Milan, Italy"),
        new RegionEntry("eu-south-2", "ES", "Spain"),
        new RegionEntry("eu-north-1", "SE", "Stockholm, Sweden"),
        new RegionEntry("il-central-1", "IL", "Tel Aviv, Israel"),
        new RegionEntry("me-south-1", "BH", "Bahrain"),
        new RegionEntry("me-central-1", "AE", "United Arab Emirates"),
        new RegionEntry("af-south-1", "ZA", "Cape Town, South Africa"),
        new RegionEntry("ap-east-1", "HK", "Hong Kong"),
        new RegionEntry("ap-east-2", "TW", "Taipei, Taiwan"),
        new RegionEntry("ap-south-1", "IN", "Mumbai, India"),
        new RegionEntry("ap-south-2", "IN", "Hyderabad, India"),
        new RegionEntry("ap-southeast-1", "SG", "Singapore"),
        new RegionEntry("ap-southeast-2", "AU", "Sydney, Australia"),
        new RegionEntry("ap-southeast-3", "ID", "Jakarta, Indonesia"),
        new RegionEntry("ap-southeast-4", "AU", "Melbourne, Australia"),
        new RegionEntry("ap-southeast-5", "MY", "Malaysia"),
        new RegionEntry("ap-southeast-6", "NZ", "New Zealand"),
        new RegionEntry("ap-southeast-7", "TH", "Thailand"),
        new RegionEntry("ap-northeast-1", "JP", "Tokyo, Japan"),
        new RegionEntry("ap-northeast-2", "KR", "Seoul, South Korea"),
        new RegionEntry("ap-northeast-3", "JP", "Osaka, Japan"),
    });

    /// <summary>Microsoft Azure region names as they appear in host names (global cloud and the China cloud).</summary>
    public static RegionTable AzureRegions { get; } = new("azure-regions", "region", new[]
    {
        new RegionEntry("eastus", "US", "East US (Virginia), United States"),
        new RegionEntry("eastus2", "US", "East US 2 (Virginia), United States"),
        new RegionEntry("centralus", "US", "Central US (Iowa), United States"),
        new RegionEntry("northcentralus", "US", "North Central US (Illinois), United States"),
        new RegionEntry("southcentralus", "US", "South Central US (Texas), United States"),
        new RegionEntry("westcentralus", "US", "West Central US (Wyoming), United States"),
        new RegionEntry("westus", "US", "West US (California), United States"),
        new RegionEntry("westus2", "US", "West US 2 (Washington), United States"),
        new RegionEntry("westus3", "US", "West US 3 (Arizona), United States"),
        new RegionEntry("canadacentral", "CA", "Canada Central (Toronto)"),
        new RegionEntry("canadaeast", "CA", "Canada East (Quebec City)"),
        new RegionEntry("brazilsouth", "BR", "Brazil South (São Paulo State)"),
        new RegionEntry("brazilsoutheast", "BR", "Brazil Southeast, Brazil"),
        new RegionEntry("chilecentral", "CL", "Chile Central, Chile"),
        new RegionEntry("mexicocentral", "MX", "Mexico Central (Querétaro)"),
        new RegionEntry("northeurope", "IE", "North Europe (Ireland)"),
        new RegionEntry("westeurope", "NL", "West Europe (Netherlands)"),
        new RegionEntry("austriaeast", "AT", "Austria East, Austria"),
        new RegionEntry("belgiumcentral", "BE", "Belgium Central, Belgium"),
        new RegionEntry("uksouth", "GB", "UK South (London)"),
        new RegionEntry("ukwest", "GB", "UK West (Cardiff)"),
        new RegionEntry("francecentral", "FR", "France Central (Paris)"),
        new RegionEntry("francesouth", "FR", "France South (Marseille)"),
        new RegionEntry("germanywestcentral", "DE", "Germany West Central (Frankfurt)"),
        new RegionEntry("germanynorth", "DE", "Germany North (Berlin)"),
        new RegionEntry("switzerlandnorth", "CH", "Switzerland North (Zurich)"),
        new RegionEntry("switzerlandwest", "CH", "Switzerland West (Geneva)"),
        new RegionEntry("norwayeast", "NO", "Norway East (Oslo)"),
        new RegionEntry("norwaywest", "NO", "Norway West (Stavanger)"),
        new RegionEntry("swedencentral", "SE", "Sweden Central (Gävle)"),
        new RegionEntry("polandcentral", "PL", "Poland Central (Warsaw)"),
        new RegionEntry("italynorth", "IT", "Italy North (Milan)"),
        new RegionEntry("spaincentral", "ES", "Spain Central (Madrid)"),
        new RegionEntry("eastasia", "HK", "East Asia (Hong Kong)"),
        new RegionEntry("southeastasia", "SG", "Southeast Asia (Singapore)"),
        new RegionEntry("japaneast", "JP", "Japan East (Tokyo, Saitama)"),
        new RegionEntry("japanwest", "JP", "Japan West (Osaka)"),
        new RegionEntry("koreacentral", "KR", "Korea Central (Seoul)"),
        new RegionEntry("koreasouth", "KR", "Korea South (Busan)"),
        new RegionEntry("australiaeast", "AU", "Australia East (New South Wales)"),
        new RegionEntry("australiasoutheast", "AU", "Australia Southeast (Victoria)"),
        new RegionEntry("australiacentral", "AU", "Australia Central (Canberra)"),
        new RegionEntry("australiacentral2", "AU", "Australia Central 2 (Canberra)"),
        new RegionEntry("newzealandnorth", "NZ", "New Zealand North (Auckland)"),
        new RegionEntry("centralindia", "IN", "Central India (Pune)"),
        new RegionEntry("southindia", "IN", "South India (Chennai)"),
        new RegionEntry("westindia", "IN", "West India (Mumbai)"),
        new RegionEntry("jioindiacentral", "IN", "Jio India Central, India"),
        new RegionEntry("jioindiawest", "IN", "Jio India West, India"),
        new RegionEntry("indonesiacentral", "ID", "Indonesia Central, Indonesia"),
        new RegionEntry("malaysiawest", "MY", "Malaysia West, Malaysia"),
        new RegionEntry("uaenorth", "AE", "UAE North (Dubai)"),
        new RegionEntry("uaecentral", "AE", "UAE Central (Abu Dhabi)"),
        new RegionEntry("qatarcentral", "QA", "Qatar Central (Doha)"),
        new RegionEntry("israelcentral", "IL", "Israel Central"),
        new RegionEntry("southafricanorth", "ZA", "South Africa North (Johannesburg)"),
        new RegionEntry("southafricawest", "ZA", "South Africa West (Cape Town)"),
        new RegionEntry("chinaeast", "CN", "China East (Shanghai), operated by 21Vianet"),
        new RegionEntry("chinaeast2", "CN", "China East 2 (Shanghai), operated by 21Vianet"),
        new RegionEntry("chinaeast3", "CN", "China East 3, operated by 21Vianet"),
        new RegionEntry("chinanorth", "CN", "China North (Beijing), operated by 21Vianet"),
        new RegionEntry("chinanorth2", "CN", "China North 2 (Beijing), operated by 21Vianet"),
        new RegionEntry("chinanorth3", "CN", "China North 3 (Hebei), operated by 21Vianet"),
    });

    /// <summary>Alibaba Cloud region IDs. Every <c>cn-</c> region is in the mainland except <c>cn-hongkong</c>.</summary>
    public static RegionTable AlibabaRegions { get; } = new("alibaba-regions", "region", new[]
    {
        new RegionEntry("cn-hangzhou", "CN", "Hangzhou, mainland China"),
        new RegionEntry("cn-shanghai", "CN", "Shanghai, mainland China"),
        new RegionEntry("cn-nanjing", "CN", "Nanjing, mainland China"),
        new RegionEntry("cn-fuzhou", "CN", "Fuzhou, mainland China"),
        new RegionEntry("cn-qingdao", "CN", "Qingdao, mainland China"),
        new RegionEntry("cn-beijing", "CN", "Beijing, mainland China"),
        new RegionEntry("cn-zhangjiakou", "CN", "Zhangjiakou, mainland China"),
        new RegionEntry("cn-huhehaote", "CN", "Hohhot, mainland China"),
        new RegionEntry("cn-wulanchabu", "CN", "Ulanqab, mainland China"),
        new RegionEntry("cn-shenzhen", "CN", "Shenzhen, mainland China"),
        new RegionEntry("cn-heyuan", "CN", "Heyuan, mainland China"),
        new RegionEntry("cn-guangzhou", "CN", "Guangzhou, mainland China"),
        new RegionEntry("cn-chengdu", "CN", "Chengdu, mainland China"),
        new RegionEntry("cn-hongkong", "HK", "Hong Kong"),
        new RegionEntry("ap-southeast-1", "SG", "Singapore"),
        new RegionEntry("ap-southeast-2", "AU", "Sydney, Australia"),
        new RegionEntry("ap-southeast-3", "MY", "Kuala Lumpur, Malaysia"),
        new RegionEntry("ap-southeast-5", "ID", "Jakarta, Indonesia"),
        new RegionEntry("ap-southeast-6", "PH", "Manila, Philippines"),
        new RegionEntry("ap-southeast-7", "TH", "Bangkok, Thailand"),
        new RegionEntry("ap-northeast-1", "JP", "Tokyo, Japan"),
        new RegionEntry("ap-northeast-2", "KR", "Seoul, South Korea"),
        new RegionEntry("ap-south-1", "IN", "Mumbai, India"),
        new RegionEntry("us-west-1", "US", "Silicon Valley, United States"),
        new RegionEntry("us-east-1", "US", "Virginia, United States"),
        new RegionEntry("eu-central-1", "DE", "Frankfurt, Germany"),
        new RegionEntry("eu-west-1", "GB", "London, United Kingdom"),
        new RegionEntry("me-east-1", "AE", "Dubai, United Arab Emirates"),
        new RegionEntry("me-central-1", "SA", "Riyadh, Saudi Arabia"),
    }, new[]
    {
        new RegionPrefix("cn-", "CN", "an Alibaba Cloud mainland-China region"),
    });

    /// <summary>Tencent Cloud region IDs (<c>ap-guangzhou</c>); no prefix rule, since <c>ap-</c> spans the mainland and abroad.</summary>
    public static RegionTable TencentRegions { get; } = new("tencent-regions", "region", new[]
    {
        new RegionEntry("ap-beijing", "CN", "Beijing, mainland China"),
        new RegionEntry("ap-nanjing", "CN", "Nanjing, mainland China"),
        new RegionEntry("ap-shanghai", "CN", "Shanghai, mainland China"),
        new RegionEntry("ap-guangzhou", "CN", "Guangzhou, mainland China"),
        new RegionEntry("ap-chengdu", "CN", "Chengdu, mainland China"),
        new RegionEntry("ap-chongqing", "CN", "Chongqing, mainland China"),
        new RegionEntry("ap-beijing-fsi", "CN", "Beijing Finance, mainland China"),
        new RegionEntry("ap-shanghai-fsi", "CN", "Shanghai Finance, mainland China"),
        new RegionEntry("ap-shenzhen-fsi", "CN", "Shenzhen Finance, mainland China"),
        new RegionEntry("ap-hongkong", "HK", "Hong Kong"),
        new RegionEntry("ap-singapore", "SG", "Singapore"),
        new RegionEntry("ap-mumbai", "IN", "Mumbai, India"),
        new RegionEntry("ap-jakarta", "ID", "Jakarta, Indonesia"),
        new RegionEntry("ap-seoul", "KR", "Seoul, South Korea"),
        new RegionEntry("ap-bangkok", "TH", "Bangkok, Thailand"),
        new RegionEntry("ap-tokyo", "JP", "Tokyo, Japan"),
        new RegionEntry("na-siliconvalley", "US", "Silicon Valley, United States"),
        new RegionEntry("na-ashburn", "US", "Virginia, United States"),
        new RegionEntry("na-toronto", "CA", "Toronto, Canada"),
        new RegionEntry("sa-saopaulo", "BR", "São Paulo, Brazil"),
        new RegionEntry("eu-frankfurt", "DE", "Frankfurt, Germany"),
        new RegionEntry("eu-moscow", "RU", "Moscow, Russia"),
    });

    /// <summary>Huawei Cloud region IDs. Careful: <c>ap-southeast-1</c> is Hong Kong, <c>-2</c> Bangkok, <c>-3</c> Singapore.</summary>
    public static RegionTable HuaweiRegions { get; } = new("huawei-regions", "region", new[]
    {
        new RegionEntry("cn-north-1", "CN", "Beijing1, mainland China"),
        new RegionEntry("cn-north-4", "CN", "Beijing4, mainland China"),
        new RegionEntry("cn-east-2", "CN", "Shanghai2, mainland China"),
        new RegionEntry("cn-east-3", "CN", "Shanghai1, mainland China"),
        new RegionEntry("cn-south-1", "CN", "Guangzhou, mainland China"),
        new RegionEntry("cn-southwest-2", "CN", "Guiyang1, mainland China"),
        new RegionEntry("ap-southeast-1", "HK", "Hong Kong"),
        new RegionEntry("ap-southeast-2", "TH", "Bangkok, Thailand"),
        new RegionEntry("ap-southeast-3", "SG", "Singapore"),
        new RegionEntry("ap-southeast-4", "ID", "Jakarta, Indonesia"),
        new RegionEntry("af-south-1", "ZA", "Johannesburg, South Africa"),
        new RegionEntry("tr-west-1", "TR", "Istanbul, Türkiye"),
        new RegionEntry("me-east-1", "SA", "Riyadh, Saudi Arabia"),
        new RegionEntry("na-mexico-1", "MX", "Mexico City1, Mexico"),
        new RegionEntry("la-north-2", "MX", "Mexico City2, Mexico"),
        new RegionEntry("la-south-2", "CL", "Santiago, Chile"),
        new RegionEntry("sa-brazil-1", "BR", "São Paulo1, Brazil"),
        new RegionEntry("my-kualalumpur-1", "MY", "Kuala Lumpur, Malaysia"),
        new RegionEntry("ru-moscow-1", "RU", "Moscow, Russia"),
        new RegionEntry("ru-northwest-2", "RU", "Russia"),
        new RegionEntry("ae-ad-1", "AE", "United Arab Emirates"),
    }, new[]
    {
        new RegionPrefix("cn-", "CN", "a Huawei Cloud mainland-China region"),
    });

    /// <summary>Google Cloud regions. Google Cloud has no region in mainland China; <c>asia-east1</c> is Taiwan and <c>asia-east2</c> Hong Kong.</summary>
    public static RegionTable GoogleRegions { get; } = new("google-regions", "region", new[]
    {
        new RegionEntry("asia-east1", "TW", "Changhua County, Taiwan"),
        new RegionEntry("asia-east2", "HK", "Hong Kong"),
        new RegionEntry("asia-northeast1", "JP", "Tokyo, Japan"),
        new RegionEntry("asia-northeast2", "JP", "Osaka, Japan"),
        new RegionEntry("asia-northeast3", "KR", "Seoul, South Korea"),
        new RegionEntry("asia-south1", "IN", "Mumbai, India"),
        new RegionEntry("asia-south2", "IN", "Delhi, India"),
        new RegionEntry("asia-southeast1", "SG", "Singapore"),
        new RegionEntry("asia-southeast2", "ID", "Jakarta, Indonesia"),
        new RegionEntry("asia-southeast3", "TH", "Bangkok, Thailand"),
        new RegionEntry("australia-southeast1", "AU", "Sydney, Australia"),
        new RegionEntry("australia-southeast2", "AU", "Melbourne, Australia"),
        new RegionEntry("europe-central2", "PL", "Warsaw, Poland"),
        new RegionEntry("europe-north1", "FI", "Hamina, Finland"),
        new RegionEntry("europe-north2", "SE", "Stockholm, Sweden"),
        new RegionEntry("europe-southwest1", "ES", "Madrid, Spain"),
        new RegionEntry("europe-west1", "BE", "St. Ghislain, Belgium"),
        new RegionEntry("europe-west2", "GB", "London, United Kingdom"),
        new RegionEntry("europe-west3", "DE", "Frankfurt, Germany"),
        new RegionEntry("europe-west4", "NL", "Eemshaven, Netherlands"),
        new RegionEntry("europe-west6", "CH", "Zurich, Switzerland"),
        new RegionEntry("europe-west8", "IT", "Milan, Italy"),
        new RegionEntry("europe-west9", "FR", "Paris, France"),
        new RegionEntry("europe-west10", "DE", "Berlin, Germany"),
        new RegionEntry("europe-west12", "IT", "Turin, Italy"),
        new RegionEntry("me-central1", "QA", "Doha, Qatar"),
        new RegionEntry("me-central2", "SA", "Dammam, Saudi Arabia"),
        new RegionEntry("me-west1", "IL", "Tel Aviv, Israel"),
        new RegionEntry("africa-south1", "ZA", "Johannesburg, South Africa"),
        new RegionEntry("northamerica-northeast1", "CA", "Montréal, Canada"),
        new RegionEntry("northamerica-northeast2", "CA", "Toronto, Canada"),
        new RegionEntry("northamerica-south1", "MX", "Querétaro, Mexico"),
        new RegionEntry("southamerica-east1", "BR", "São Paulo, Brazil"),
        new RegionEntry("southamerica-west1", "CL", "Santiago, Chile"),
        new RegionEntry("us-central1", "US", "Iowa, United States"),
        new RegionEntry("us-east1", "US", "South Carolina, United States"),
        new RegionEntry("us-east4", "US", "N. Virginia, United States"),
        new RegionEntry("us-east5", "US", "Columbus, United States"),
        new RegionEntry("us-south1", "US", "Dallas, United States"),
        new RegionEntry("us-west1", "US", "Oregon, United States"),
        new RegionEntry("us-west2", "US", "Los Angeles, United States"),
        new RegionEntry("us-west3", "US", "Salt Lake City, United States"),
        new RegionEntry("us-west4", "US", "Las Vegas, United States"),
    });

    /// <summary>The mainland-China top-level domains: <c>.cn</c> and its IDN forms <c>.中国</c> and <c>.中國</c>.</summary>
    public static RegionTable ChinaTopLevelDomains { get; } = new("china-tlds", "top-level domain", new[]
    {
        new RegionEntry("cn", "CN", "the country-code domain of mainland China (.cn)"),
        new RegionEntry("xn--fiqs8s", "CN", "the country-code domain of mainland China (.中国)"),
        new RegionEntry("xn--fiqz9s", "CN", "the country-code domain of mainland China (.中國)"),
    });

    /// <summary>
    /// Country-code top-level domains used by anyone, anywhere, as generic names; they resolve to no country (hosts
    /// under them fall through to the default for unknown hosts).
    /// </summary>
    public static IReadOnlyList<string> GenericCountryCodeTopLevelDomains { get; } = new[]
    {
        "ai", "cc", "cf", "co", "fm", "ga", "gg", "gq", "im", "io", "la", "ly", "me", "ml", "nu", "sh", "tk", "to", "tv", "ws",
    };

    /// <summary>
    /// Country-code top-level domains to countries: every assigned ISO 3166-1 code as its own lower-case TLD
    /// (except the mainland's, in <see cref="ChinaTopLevelDomains"/>, and the generic ones), <c>.uk</c> for GB, and
    /// the IDN ccTLDs of Hong Kong (<c>.香港</c>), Macao (<c>.澳門</c>) and Taiwan (<c>.台湾</c>, <c>.台灣</c>).
    /// </summary>
    public static RegionTable CountryCodeTopLevelDomains { get; } = BuildCountryCodeTopLevelDomains();

    /// <summary>The rules, in evaluation order; the first that matches decides.</summary>
    public static IReadOnlyList<KnowledgeBaseRule> Rules { get; } = new[]
    {
        // Local and private: stays on this machine or in the organisation's private network.
        Internal("localhost", "localhost", "the local machine"),
        Internal("localhost-subdomain", "*.localhost", "names under .localhost are the local machine (RFC 6761)"),
        Internal("mdns-local", "*.local", "multicast DNS names on the local link (RFC 6762), including *.svc.cluster.local"),
        Internal("private-use-internal", "*.internal", ".internal is reserved for private use (ICANN, 2024), as in *.ec2.internal"),
        Internal("home-arpa", "*.home.arpa", "names in residential networks (RFC 8375)"),
        Internal("single-label", KnowledgeBaseRule.SingleLabelPattern, "a name of one label is resolved through local search domains (container or service names such as 'redis'), never as a public name"),
        Internal("loopback-ipv4", "127.0.0.0/8", "the IPv4 loopback block"),
        Internal("unspecified-ipv4", "0.0.0.0/32", "the unspecified IPv4 address (this host)"),
        Internal("private-ipv4-10", "10.0.0.0/8", "a private IPv4 block (RFC 1918)"),
        Internal("private-ipv4-172", "172.16.0.0/12", "a private IPv4 block (RFC 1918)"),
        Internal("private-ipv4-192", "192.168.0.0/16", "a private IPv4 block (RFC 1918)"),
        Internal("link-local-ipv4", "169.254.0.0/16", "the IPv4 link-local block"),
        Internal("loopback-ipv6", "::1/128", "the IPv6 loopback address"),
        Internal("unspecified-ipv6", "::/128", "the unspecified IPv6 address (this host)"),
        Internal("unique-local-ipv6", "fc00::/7", "IPv6 unique local addresses (RFC 4193)"),
        Internal("link-local-ipv6", "fe80::/10", "the IPv6 link-local block"),

        // Amazon Web Services.
        Country("aws-china", AwsChina, "*.amazonaws.com.cn", "CN", "amazonaws.com.cn serves only the mainland-China regions cn-north-1 and cn-northwest-1"),
        Regional("aws-regional", Aws, "*.{region}.amazonaws.com", AwsRegions, "service.region, bucket.s3.region, s3.dualstack.region and similar forms"),
        Regional("aws-regional-elb", Aws, "*.{region}.elb.amazonaws.com", AwsRegions, "Elastic Load Balancing"),
        Regional("aws-regional-vpce", Aws, "*.{region}.vpce.amazonaws.com", AwsRegions, "VPC interface endpoints"),
        Regional("aws-regional-rds", Aws, "*.{region}.rds.amazonaws.com", AwsRegions, "Amazon RDS and Aurora"),
        Regional("aws-regional-es", Aws, "*.{region}.es.amazonaws.com", AwsRegions, "Amazon OpenSearch Service"),
        Regional("aws-regional-compute", Aws, "*.{region}.compute.amazonaws.com", AwsRegions, "EC2 public DNS names"),
        Regional("aws-regional-eks", Aws, "*.{region}.eks.amazonaws.com", AwsRegions, "Amazon EKS API servers"),
        Regional("aws-regional-redshift", Aws, "*.{region}.redshift.amazonaws.com", AwsRegions, "Amazon Redshift"),
        Regional("aws-regional-docdb", Aws, "*.{region}.docdb.amazonaws.com", AwsRegions, "Amazon DocumentDB"),
        Regional("aws-regional-neptune", Aws, "*.{region}.neptune.amazonaws.com", AwsRegions, "Amazon Neptune"),
        Regional("aws-s3-legacy", Aws, "s3-{region}.amazonaws.com", AwsRegions, "legacy S3 path-style endpoint with a dash"),
        Regional("aws-s3-legacy-bucket", Aws, "*.s3-{region}.amazonaws.com", AwsRegions, "legacy S3 virtual-hosted bucket with a dash"),
        Regional("aws-s3-website-legacy", Aws, "*.s3-website-{region}.amazonaws.com", AwsRegions, "legacy S3 website endpoint with a dash"),
        Country("aws-s3-external-1", Aws, "s3-external-1.amazonaws.com", "US", "s3-external-1 is a legacy name of us-east-1 (N. Virginia)"),
        Country("aws-s3-external-1-bucket", Aws, "*.s3-external-1.amazonaws.com", "US", "s3-external-1 is a legacy name of us-east-1 (N. Virginia)"),
        Country("aws-compute-1", Aws, "*.compute-1.amazonaws.com", "US", "compute-1 is the EC2 public DNS zone of us-east-1 (N. Virginia)"),
        Regional("aws-on-aws", Aws, "*.{region}.on.aws", AwsRegions, "Lambda function URLs and other on.aws endpoints"),
        Foreign("aws-global", Aws, "*.amazonaws.com", "a global-partition endpoint with no region in its name (s3.amazonaws.com, bucket.s3.amazonaws.com, sts.amazonaws.com); the global partition has no mainland-China region"),
        Foreign("aws-cloudfront", Aws, "*.cloudfront.net", "a CloudFront distribution served from global edge locations; the mainland uses cloudfront.cn"),

        // Microsoft Azure.
        Country("azure-china-chinacloudapi", AzureChina, "*.chinacloudapi.cn", "CN", "the service domain of Azure in mainland China"),
        Country("azure-china-azure-cn", AzureChina, "*.azure.cn", "CN", "the portal and service domain of Azure in mainland China"),
        Country("azure-china-chinacloudsites", AzureChina, "*.chinacloudsites.cn", "CN", "App Service in Azure in mainland China"),
        Regional("azure-cloudapp", Azure, "*.{region}.cloudapp.azure.com", AzureRegions, "virtual machine and load balancer DNS names"),
        Regional("azure-cognitive", Azure, "{region}.api.cognitive.microsoft.com", AzureRegions, "regional Azure AI services endpoint"),
        Regional("azure-speech-tts", Azure, "{region}.tts.speech.microsoft.com", AzureRegions, "regional speech synthesis endpoint"),
        Regional("azure-speech-stt", Azure, "{region}.stt.speech.microsoft.com", AzureRegions, "regional speech recognition endpoint"),
        Regional("azure-kusto", Azure, "*.{region}.kusto.windows.net", AzureRegions, "Azure Data Explorer clusters"),
        Regional("azure-container-apps", Azure, "*.{region}.azurecontainerapps.io", AzureRegions, "Azure Container Apps"),
        Foreign("azure-global-windows-net", Azure, "*.windows.net", "a global Azure endpoint with no region in its name (*.blob.core.windows.net, *.database.windows.net); global Azure has no mainland-China region"),
        Foreign("azure-global-azure-com", Azure, "*.azure.com", "a global Azure endpoint with no region in its name (*.openai.azure.com, *.documents.azure.com)"),
        Foreign("azure-global-azure-net", Azure, "*.azure.net", "a global Azure endpoint with no region in its name (*.vault.azure.net)"),
        Foreign("azure-global-azurewebsites", Azure, "*.azurewebsites.net", "a global Azure App Service endpoint with no region in its name"),

        // Alibaba Cloud.
        // The -internal forms first: the cn- prefix of the region table would otherwise read 'cn-hangzhou-internal' as a region.
        Regional("alibaba-oss-internal", Alibaba, "oss-{region}-internal.aliyuncs.com", AlibabaRegions, "Object Storage Service endpoint inside the region's network"),
        Regional("alibaba-oss-internal-bucket", Alibaba, "*.oss-{region}-internal.aliyuncs.com", AlibabaRegions, "Object Storage Service bucket inside the region's network"),
        Regional("alibaba-oss", Alibaba, "oss-{region}.aliyuncs.com", AlibabaRegions, "Object Storage Service endpoint"),
        Regional("alibaba-oss-bucket", Alibaba, "*.oss-{region}.aliyuncs.com", AlibabaRegions, "Object Storage Service bucket"),
        Regional("alibaba-regional", Alibaba, "*.{region}.aliyuncs.com", AlibabaRegions, "service.region endpoints (ecs.cn-hangzhou.aliyuncs.com)"),
        Regional("alibaba-log", Alibaba, "*.{region}.log.aliyuncs.com", AlibabaRegions, "Simple Log Service projects"),
        Regional("alibaba-fc", Alibaba, "*.{region}.fc.aliyuncs.com", AlibabaRegions, "Function Compute"),

        // Tencent Cloud.
        Regional("tencent-myqcloud", Tencent, "*.{region}.myqcloud.com", TencentRegions, "Cloud Object Storage (bucket-appid.cos.region.myqcloud.com) and other regional endpoints"),
        Regional("tencent-cloudapi", Tencent, "*.{region}.tencentcloudapi.com", TencentRegions, "regional API endpoints (cvm.ap-guangzhou.tencentcloudapi.com)"),

        // Huawei Cloud.
        Regional("huawei-obs", Huawei, "obs.{region}.myhuaweicloud.com", HuaweiRegions, "Object Storage Service endpoint"),
        Regional("huawei-obs-bucket", Huawei, "*.obs.{region}.myhuaweicloud.com", HuaweiRegions, "Object Storage Service bucket"),
        Regional("huawei-regional", Huawei, "*.{region}.myhuaweicloud.com", HuaweiRegions, "service.region endpoints (ecs.cn-north-4.myhuaweicloud.com)"),

        // Google Cloud.
        Regional("google-regional-googleapis", Google, "{region}-*.googleapis.com", GoogleRegions, "regional service endpoints (us-central1-aiplatform.googleapis.com, europe-west1-run.googleapis.com)"),
        Regional("google-artifact-registry", Google, "{region}-*.pkg.dev", GoogleRegions, "regional Artifact Registry repositories (asia-east1-docker.pkg.dev)"),
        Regional("google-cloud-run", Google, "*.{region}.run.app", GoogleRegions, "Cloud Run service URLs with the region in the name"),
        Foreign("google-global-googleapis", Google, "*.googleapis.com", "a global Google endpoint with no region in its name (storage.googleapis.com, aiplatform.googleapis.com); Google Cloud has no mainland-China region"),

        // Top-level domains, last.
        Regional("china-tld", "Mainland-China top-level domains", "*.{tld}", ChinaTopLevelDomains, ".cn, .中国 and .中國 are the mainland's country-code domains"),
        Regional("country-code-tld", "Country-code top-level domains", "*.{tld}", CountryCodeTopLevelDomains, "a country-code top-level domain names its country (generic ones such as .io and .co excluded)"),
    };

    /// <summary>The rules bucketed by host suffix (same results as a scan of <see cref="Rules"/> in order).</summary>
    internal static KnowledgeBaseIndex Index { get; } = new(Rules);

    private static RegionTable BuildCountryCodeTopLevelDomains()
    {
        var generic = new HashSet<string>(GenericCountryCodeTopLevelDomains, StringComparer.Ordinal);
        var entries = new List<RegionEntry>();
        foreach (var code in IsoCountries.Codes)
        {
            var tld = code.ToLowerInvariant();
            if (!generic.Contains(tld) && !string.Equals(code, "CN", StringComparison.Ordinal))
            {
                entries.Add(new RegionEntry(tld, code, "the country-code domain of " + IsoCountries.GetName(code)));
            }
        }

        entries.Add(new RegionEntry("uk", "GB", "the country-code domain of the United Kingdom"));
        entries.Add(new RegionEntry("xn--j6w193g", "HK", "the country-code domain of Hong Kong (.香港)"));
        entries.Add(new RegionEntry("xn--mix891f", "MO", "the country-code domain of Macao (.澳門)"));
        entries.Add(new RegionEntry("xn--kprw13d", "TW", "the country-code domain of Taiwan (.台湾)"));
        entries.Add(new RegionEntry("xn--kpry57d", "TW", "the country-code domain of Taiwan (.台灣)"));
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new RegionTable("country-code-tlds", "top-level domain", entries.ToArray());
    }

    private static KnowledgeBaseRule Internal(string name, string pattern, string note) =>
        new(name, Local, pattern, KnowledgeBaseOutcome.Internal, null, null, note);

    private static KnowledgeBaseRule Country(string name, string provider, string pattern, string jurisdiction, string note) =>
        new(name, provider, pattern, KnowledgeBaseOutcome.Jurisdiction, jurisdiction, null, note);

    private static KnowledgeBaseRule Regional(string name, string provider, string pattern, RegionTable regions, string note) =>
        new(name, provider, pattern, KnowledgeBaseOutcome.Jurisdiction, null, regions, note);

    private static KnowledgeBaseRule Foreign(string name, string provider, string pattern, string note) =>
        new(name, provider, pattern, KnowledgeBaseOutcome.OutsideMainlandUnknown, null, null, note);
}
