using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace SelfEval.Web.Infrastructure;

/// <summary>
/// Writes a rendered page to the response in one piece. The framework's writer holds 16,384 characters, and the
/// section pages of the two guides have 9,000 to 25,000: most went out as two writes, each a flush through Kestrel
/// and a send of its own. The buffers come from the shared pools, as the framework's own do.
/// </summary>
/// <remarks>
/// Not larger: the byte buffer is three bytes per character (UTF-8's worst case), 96 KB here; the pool keeps such
/// arrays for reuse, but each one it has to make anew lands on the large-object heap.
/// </remarks>
public sealed class PageWriter : IHttpResponseStreamWriterFactory
{
    /// <summary>Characters: the longest section page with its section list, in one write.</summary>
    public const int BufferSize = 32 * 1024;

    public TextWriter CreateWriter(Stream stream, Encoding encoding) =>
        new HttpResponseStreamWriter(stream, encoding, BufferSize, ArrayPool<byte>.Shared, ArrayPool<char>.Shared);
}
