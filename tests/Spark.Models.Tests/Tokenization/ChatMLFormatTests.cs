using Spark.Core.Text;
using Spark.Models.Tokenization;

namespace Spark.Models.Tests.Tokenization;

public sealed class ChatMLFormatTests
{
    static readonly ByteLevelBpeTokenizer Tokenizer = TrainedTokenizer.Tokenizer;

    // A fragment with the same shape as Qwen2.5's chat template (tokenizer_config.json), as the JSON decodes it.
    const string Qwen25TemplateFragment =
        "{%- else %}\n    {%- if messages[0]['role'] == 'system' %}\n" +
        "        {{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}\n    {%- else %}\n" +
        "        {{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}\n" +
        "    {%- endif %}\n{%- endif %}";

    static string Observation(int i) => TokenizerSamples.FixtureTexts[i % TokenizerSamples.FixtureTexts.Count].Text[..200];

    [Fact]
    public void Renders_a_known_conversation_as_qwen_chatml()
    {
        var format = Tokenizer.ChatML!;
        var conversation = new[]
        {
            ChatMessage.System("You are an agent in a household."),
            ChatMessage.User("Your task is to: heat some egg."),
            ChatMessage.Assistant("<think>Eggs are in the fridge.</think>\n<action>go to fridge 1</action>"),
            ChatMessage.User("The fridge 1 is closed."),
        };
        Assert.Equal(
            "<|im_start|>system\nYou are an agent in a household.<|im_end|>\n" +
            "<|im_start|>user\nYour task is to: heat some egg.<|im_end|>\n" +
            "<|im_start|>assistant\n<think>Eggs are in the fridge.</think>\n<action>go to fridge 1</action><|im_end|>\n" +
            "<|im_start|>user\nThe fridge 1 is closed.<|im_end|>\n" +
            "<|im_start|>assistant\n",
            format.Render(conversation, addGenerationPrompt: true));
        int[] ids = format.Prompt(conversation);
        Assert.Equal(Tokenizer.TokenToId("<|im_start|>"), ids[0]);
        Assert.Equal(Tokenizer.Encode(format.Render(conversation, true)), ids);
    }

    [Fact]
    public void Our_vocabulary_adds_no_default_system_prompt_and_qwen25s_does()
    {
        Assert.Null(Tokenizer.ChatML!.Options.DefaultSystemPrompt);
        Assert.StartsWith("<|im_start|>user\nhi", Tokenizer.ChatML.Render([ChatMessage.User("hi")], true));

        var qwen25 = ChatOptions.FromTemplate(Qwen25TemplateFragment);
        Assert.Equal(ChatOptions.QwenDefaultSystemPrompt, qwen25.DefaultSystemPrompt);
        var format = new ChatMLFormat(Tokenizer.Encode, qwen25);
        Assert.Equal($"<|im_start|>system\n{ChatOptions.QwenDefaultSystemPrompt}<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
            format.Render([ChatMessage.User("hi")], true));
        Assert.Equal("<|im_start|>system\nmine<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
            format.Render([ChatMessage.System("mine"), ChatMessage.User("hi")], true));
    }

    [Fact]
    public void Loading_a_qwen25_config_picks_up_its_default_and_an_override_turns_it_off()
    {
        string dir = Directory.CreateTempSubdirectory("spark-qwen25-config-").FullName;
        try
        {
            File.Copy(Path.Combine(TrainedTokenizer.Dir, TokenizerFiles.TokenizerJsonFileName), Path.Combine(dir, TokenizerFiles.TokenizerJsonFileName));
            File.WriteAllText(Path.Combine(dir, TokenizerConfigJson.FileName),
                System.Text.Json.JsonSerializer.Serialize(new { eos_token = "<|im_end|>", chat_template = Qwen25TemplateFragment }));
            Assert.Equal(ChatOptions.QwenDefaultSystemPrompt, TokenizerFiles.LoadBpe(dir).ChatML!.Options.DefaultSystemPrompt);
            Assert.Null(TokenizerFiles.LoadBpe(dir, ChatOptions.None).ChatML!.Options.DefaultSystemPrompt);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Prompt_grows_append_only_turn_by_turn()
    {
        var chat = Tokenizer.Chat;
        var messages = new List<ChatMessage> { ChatMessage.System("Solve the task."), ChatMessage.User(Observation(0)) };
        var episode = new List<int>(chat.Prompt(messages));
        for (int turn = 1; turn <= 4; turn++)
        {
            string response = turn % 2 == 0
                ? $"<explore>Maybe try another place {turn}.</explore>\n<action>go to drawer {turn}</action>"
                : $"<think>Step {turn}: check the countertop.</think>\n<action>take mug {turn} from countertop 1</action>";
            episode.AddRange(Tokenizer.Encode(response));
            episode.Add(Tokenizer.EndOfResponseId);
            string observation = Observation(turn);
            episode.AddRange(chat.ContinueWithUser(observation));
            messages.Add(ChatMessage.Assistant(response));
            messages.Add(ChatMessage.User(observation));
            Assert.Equal(chat.Prompt(messages), episode);
        }
    }

    [Fact]
    public void Append_only_holds_without_a_system_message_and_with_qwen25s_default()
    {
        var chat = new ChatMLFormat(Tokenizer.Encode, new ChatOptions(ChatOptions.QwenDefaultSystemPrompt));
        var user = ChatMessage.User("put a clean mug in coffeemachine");
        const string response = "<think>Find a mug.</think>\n<action>go to countertop 1</action>";
        int[] expected = chat.Prompt([user, ChatMessage.Assistant(response), ChatMessage.User("You see a mug 1.")]);
        int[] grown = [.. chat.Prompt([user]), .. Tokenizer.Encode(response), Tokenizer.EndOfResponseId, .. chat.ContinueWithUser("You see a mug 1.")];
        Assert.Equal(expected, grown);
    }

    [Fact]
    public void Tool_messages_become_one_user_turn_of_tool_responses()
    {
        string text = Tokenizer.ChatML!.Render(
            [ChatMessage.User("q"), ChatMessage.Assistant("a"), new ChatMessage("tool", "r1"), new ChatMessage("tool", "r2")], true);
        Assert.Equal("<|im_start|>user\nq<|im_end|>\n<|im_start|>assistant\na<|im_end|>\n" +
                     "<|im_start|>user\n<tool_response>\nr1\n</tool_response>\n<tool_response>\nr2\n</tool_response><|im_end|>\n" +
                     "<|im_start|>assistant\n", text);
    }

    [Fact]
    public void Unknown_role_is_refused_with_its_position()
    {
        var e = Assert.Throws<ArgumentException>(() => Tokenizer.Chat.Prompt([ChatMessage.User("q"), new ChatMessage("narrator", "x")]));
        Assert.Contains("messages[1]", e.Message);
    }
}
