namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>What kind of host an <see cref="EndpointAddress"/> names.</summary>
public enum EndpointHostKind
{
    /// <summary>A DNS name, in lower-case ASCII (internationalized labels in punycode, <c>xn--</c>).</summary>
    DnsName,

    /// <summary>An IPv4 literal in dotted-decimal form (<c>10.0.0.1</c>).</summary>
    IPv4,

    /// <summary>An IPv6 literal in its canonical compressed lower-case form, without brackets or zone (<c>2001:db8::1</c>).</summary>
    IPv6,
}

/// <summary>
/// An endpoint reduced to what jurisdiction resolution needs: the normalized host, plus the scheme and port when
/// the text had them. Created by <see cref="EndpointParser"/>.
/// </summary>
public sealed record EndpointAddress
{
    internal EndpointAddress(string host, EndpointHostKind hostKind, string? scheme, int? port)
    {
        Host = host;
        HostKind = hostKind;
        Scheme = scheme;
        Port = port;
    }

    /// <summary>
    /// The normalized host: lower-case ASCII, no trailing dot, internationalized labels in punycode; IPv4 in
    /// dotted-decimal; IPv6 canonical and without brackets.
    /// </summary>
    public string Host { get; }

    public EndpointHostKind HostKind { get; }

    /// <summary>The scheme in lower case (<c>https</c>, <c>amqp</c>, <c>smtp</c>), or null when the text had none.</summary>
    public string? Scheme { get; }

    /// <summary>The port, or null when the text had none.</summary>
    public int? Port { get; }

    /// <summary><c>host</c>, <c>host:port</c> or <c>[v6]:port</c>.</summary>
    public override string ToString()
    {
        var host = HostKind == EndpointHostKind.IPv6 ? "[" + Host + "]" : Host;
        return Port is { } port ? host + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) : host;
    }
}
