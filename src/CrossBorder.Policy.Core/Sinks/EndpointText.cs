using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Sinks;

/// <summary>
/// Turns the text of an endpoint value into absolute URLs (<c>scheme://host[:port]</c>) that the jurisdiction
/// resolver can place. Texts may be templates: <see cref="Unknown"/> marks a segment not known at compile time;
/// a result whose host is not fully known keeps the marker, and the caller treats it as unresolved.
/// </summary>
public static class EndpointText
{
    /// <summary>The marker of an unknown segment inside a template (the analyzer's string abstraction).</summary>
    public const char Unknown = '\u0001';

    /// <summary>The URLs the value <paramref name="text"/> of kind <paramref name="kind"/> designates (empty when it designates none).</summary>
    public static IReadOnlyList<string> ToUrls(EndpointValueKind kind, string text, string? scheme, string? service)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var trimmed = text.Trim();
        switch (kind)
        {
            case EndpointValueKind.Url:
                return trimmed.IndexOf("://", StringComparison.Ordinal) > 0 ? new[] { trimmed } : Array.Empty<string>();

            case EndpointValueKind.Host:
                return trimmed.Length == 0 ? Array.Empty<string>() : new[] { WithScheme(trimmed, scheme) };

            case EndpointValueKind.HostList:
            {
                var urls = new List<string>();
                foreach (var part in trimmed.Split(','))
                {
                    var host = part.Trim();
                    if (host.Length > 0)
                    {
                        urls.Add(WithScheme(host, scheme));
                    }
                }

                return urls;
            }

            case EndpointValueKind.AwsRegion:
                return AwsRegionHost(trimmed, service ?? "s3") is { } regional ? new[] { "https://" + regional } : Array.Empty<string>();

            case EndpointValueKind.AzureStorageConnectionString:
                return AzureStorageEndpoint(trimmed, service ?? "blob") is { } url ? new[] { url } : Array.Empty<string>();

            default:
                return Array.Empty<string>();
        }
    }

    /// <summary>
    /// The regional host of an AWS service: <c>s3.eu-west-1.amazonaws.com</c>; the mainland-China regions
    /// (<c>cn-*</c>) are in the <c>amazonaws.com.cn</c> partition. <see langword="null"/> when the region is not a
    /// known, complete name.
    /// </summary>
    public static string? AwsRegionHost(string region, string service)
    {
        if (region.Length == 0 || region.IndexOf(Unknown) >= 0)
        {
            return null;
        }

        foreach (var c in region)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            {
                return null;
            }
        }

        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? ".amazonaws.com.cn" : ".amazonaws.com";
        return service + "." + region + suffix;
    }

    /// <summary>
    /// The service endpoint of an Azure Storage connection string: an explicit <c>BlobEndpoint=</c> (for
    /// <paramref name="service"/> <c>blob</c>), else <c>https://{AccountName}.{service}.{EndpointSuffix}</c> (default
    /// suffix <c>core.windows.net</c>); <c>UseDevelopmentStorage=true</c> is the local emulator.
    /// </summary>
    public static string? AzureStorageEndpoint(string connectionString, string service)
    {
        string? account = null;
        string? suffix = null;
        string? protocol = null;
        string? explicitEndpoint = null;
        var development = false;
        foreach (var part in connectionString.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = part.Substring(0, equals).Trim();
            var value = part.Substring(equals + 1).Trim();
            if (string.Equals(key, "AccountName", StringComparison.OrdinalIgnoreCase))
            {
                account = value;
            }
            else if (string.Equals(key, "EndpointSuffix", StringComparison.OrdinalIgnoreCase))
            {
                suffix = value;
            }
            else if (string.Equals(key, "DefaultEndpointsProtocol", StringComparison.OrdinalIgnoreCase))
            {
                protocol = value;
            }
            else if (string.Equals(key, service + "Endpoint", StringComparison.OrdinalIgnoreCase))
            {
                explicitEndpoint = value;
            }
            else if (string.Equals(key, "UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                development = true;
            }
        }

        if (explicitEndpoint is not null && explicitEndpoint.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            return explicitEndpoint;
        }

        if (development)
        {
            return "http://127.0.0.1";
        }

        if (account is null || account.Length == 0)
        {
            return null;
        }

        return (protocol is { Length: > 0 } ? protocol : "https") + "://" + account + "." + service + "." + (suffix is { Length: > 0 } ? suffix : "core.windows.net");
    }

    private static string WithScheme(string host, string? scheme)
    {
        return host.IndexOf("://", StringComparison.Ordinal) > 0 ? host : (scheme ?? "tcp") + "://" + host;
    }
}
