using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class TemplateTests
{
    [Theory]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("\"a\\nb\"", "\"a\\nb\"")]
    [InlineData("\"${str}\"", "\"hello\"")]
    [InlineData("\"${num}\"", "42")]
    [InlineData("\"${t}\"", "true")]
    [InlineData("\"${list}\"", "list[\"a\", \"b\", \"c\"]")]
    [InlineData("\"x${num}\"", "\"x42\"")]
    [InlineData("\"${str} world\"", "\"hello world\"")]
    [InlineData("\"${1 + 2}${\"a\"}\"", "\"3a\"")]
    [InlineData("\"${t} ${f}\"", "\"true false\"")]
    [InlineData("\"$${str}\"", "\"${str}\"")]
    [InlineData("\"%%{if}\"", "\"%{if}\"")]
    [InlineData("\"%{if t}yes%{endif}\"", "\"yes\"")]
    [InlineData("\"%{if f}yes%{endif}\"", "\"\"")]
    [InlineData("\"%{if f}yes%{else}no%{endif}\"", "\"no\"")]
    [InlineData("\"%{if num > 40}big%{else}small%{endif}!\"", "\"big!\"")]
    [InlineData("\"%{for x in list}${x},%{endfor}\"", "\"a,b,c,\"")]
    [InlineData("\"%{for i, x in list}${i}=${x} %{endfor}\"", "\"0=a 1=b 2=c \"")]
    [InlineData("\"%{for k, v in map}${k}:${v};%{endfor}\"", "\"a:1;b:2;\"")]
    [InlineData("\"%{for x in set}${x}%{endfor}\"", "\"ab\"")]
    [InlineData("\"%{for x in []}${x}%{endfor}\"", "\"\"")]
    [InlineData("\"%{for x in list}${x}%{endfor}\"", "\"abc\"")]
    [InlineData("\"%{for x in list~} ${x} %{~endfor}\"", "\"abc\"")]
    [InlineData("\"a ${~str~} b\"", "\"ahellob\"")]
    [InlineData("\"${unkstr}\"", "unknown(string)")]
    [InlineData("\"x${unkstr}\"", "unknown(string)")]
    [InlineData("\"x${unk}\"", "unknown(string)")]
    [InlineData("\"%{if unkbool}a%{endif}\"", "unknown(string)")]
    [InlineData("\"%{for x in unklist}${x}%{endfor}\"", "unknown(string)")]
    [InlineData("\"%{for x in partial}${x}%{endfor}\"", "unknown(string)")]
    [InlineData("\"x${secret}\"", "sensitive(\"xs3cr3t\")")]
    [InlineData("\"${secret}\"", "sensitive(\"s3cr3t\")")]
    [InlineData("\"${nul}\"", "null(any)")]
    [InlineData("\"%{if secretbool}a%{endif}\"", "sensitive(\"a\")")]
    [InlineData("\"%{for x in secretlist}${x}%{endfor}\"", "sensitive(\"xy\")")]
    [InlineData("\"%{for x in listofsecret}${x}%{endfor}\"", "sensitive(\"pq\")")]
    [InlineData("\"x${unkstr}${secret}\"", "sensitive(unknown(string))")]
    public void Evaluates(string src, string expected) => Assert.Equal(expected, Ok(src));

    [Fact]
    public void Heredoc()
    {
        Assert.Equal("\"hello\\n  world\\n\"", Ok("<<EOT\nhello\n  world\nEOT\n"));
        Assert.Equal("\"hello\\nworld 42\\n\"", Ok("<<-EOT\n    hello\n    world ${num}\n    EOT\n"));
    }

    [Fact]
    public void HeredocWithDirectives()
    {
        var src = "<<EOT\n%{ for x in list ~}\n- ${x}\n%{ endfor ~}\nEOT\n";
        Assert.Equal("\"- a\\n- b\\n- c\\n\"", Ok(src));
    }

    [Theory]
    [InlineData("\"a${nul}\"", "Invalid template interpolation value; The expression result is null. Cannot include a null value in a string template. @ 1:5-1:8")]
    [InlineData("\"a${list}\"", "Invalid template interpolation value; Cannot include the given value in a string template: string required. @ 1:5-1:9")]
    [InlineData("\"a${obj}\"", "Invalid template interpolation value; Cannot include the given value in a string template: string required. @ 1:5-1:8")]
    [InlineData("\"%{if 1}a%{endif}\"", "Incorrect condition type; The condition expression must be of type bool. @ 1:7-1:8")]
    [InlineData("\"%{if nul}a%{endif}\"", "Null condition; The condition value is null. Conditions must either be true or false. @ 1:7-1:10")]
    [InlineData("\"%{for x in nul}a%{endfor}\"", "Iteration over null value; A null value cannot be used as the collection in a 'for' expression. @ 1:13-1:16")]
    [InlineData("\"%{for x in 1}a%{endfor}\"", "Iteration over non-iterable value; A value of type number cannot be used as the collection in a 'for' expression. @ 1:13-1:14")]
    [InlineData("\"a${nope}\"", "Unknown variable; There is no variable named \"nope\". @ 1:5-1:9")]
    public void ReportsErrors(string src, string expected)
    {
        var r = Eval(src);
        Assert.Equal(expected, DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void TemplateForRejectsNonStringResults()
    {
        var r = Eval("\"%{for x in objs}${x}%{endfor}\"");
        Assert.True(r.HasErrors);
    }

    [Fact]
    public void BareTemplates()
    {
        var tmpl = ParseTemplate("Hello, ${name}!\n%{ for i in items ~}\n* ${i}\n%{ endfor ~}\n");
        var ctx = new EvalContext(new Dictionary<string, HclValue>
        {
            ["name"] = HclValue.String("World"),
            ["items"] = HclValue.Tuple(HclValue.String("x"), HclValue.Number(2)),
        });
        var r = HclEvaluator.Evaluate(tmpl, ctx);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("\"Hello, World!\\n* x\\n* 2\\n\"", Render(r.Value));
    }

    [Fact]
    public void LoneInterpolationInBareTemplateKeepsType()
    {
        var r = HclEvaluator.Evaluate(ParseTemplate("${n}"), new EvalContext(new Dictionary<string, HclValue> { ["n"] = HclValue.Number(3) }));
        Assert.Equal("3", Render(r.Value));
    }
}
