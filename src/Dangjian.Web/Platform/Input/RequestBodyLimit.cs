using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Input;

/// <summary>
/// Caps a JSON request body at <see cref="InputOptions.MaxBodyBytes"/>: a declared length over it is answered 413 at
/// once; a body sent without one is cut off at the limit, which the exception handler answers 413 too. Other bodies
/// (file uploads, forms) keep their own limits.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<InputOptions> options)
{
    private readonly long max = options.Value.MaxBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (max > 0 && IsJson(context.Request.ContentType))
        {
            if (context.Request.ContentLength > max) throw TooLarge();
            var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (size is { IsReadOnly: false } && (size.MaxRequestBodySize is null || size.MaxRequestBodySize > max)) size.MaxRequestBodySize = max;
            else context.Request.Body = new LimitedStream(context.Request.Body, max);
        }
        await next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.Contains("/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    internal static BadHttpRequestException TooLarge() => new("Request body too large.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>A read-only view of the body that fails once more than the limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long max) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            if (read > max) throw TooLarge();
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
