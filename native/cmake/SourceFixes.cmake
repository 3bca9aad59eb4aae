# Fixes to the pinned third-party sources, made on copies in the build folder: the sources stay as published, and the
# build stops when they are no longer the text a fix was written for, so that no fix can silently stop applying.

# Stops the build unless TEXT, read from SOURCE, holds EXPECTED once.
function(ponder_require text source expected)
    string(FIND "${text}" "${expected}" first)
    string(FIND "${text}" "${expected}" last REVERSE)
    if(first EQUAL -1 OR NOT first EQUAL last)
        message(FATAL_ERROR "${source} no longer holds '${expected}' once: review native/cmake/SourceFixes.cmake")
    endif()
endfunction()

# In the variable TEXT_VAR, the text of SOURCE, replaces OLD by NEW.
function(ponder_replace text_var source old new)
    ponder_require("${${text_var}}" "${source}" "${old}")
    string(REPLACE "${old}" "${new}" replaced "${${text_var}}")
    set(${text_var} "${replaced}" PARENT_SCOPE)
endfunction()

# Writes TEXT to DESTINATION only when it changes, so that a reconfigure does not recompile what it feeds.
function(ponder_write_if_changed destination text)
    file(WRITE "${destination}.new" "${text}")
    file(COPY_FILE "${destination}.new" "${destination}" ONLY_IF_DIFFERENT)
    file(REMOVE "${destination}.new")
endfunction()

# java-llama.cpp 4.2.0's JNI code reads token probabilities under the names llama.cpp's server used before b4277
# ("probs", "tok_str", "prob"), but the server.hpp it ships writes the newer ones ("top_logprobs", "token",
# "logprob"). So any completion asking for probabilities (InferenceParameters.setNProbs) aborts the whole process on
# a failed JSON assertion. Ponder's tests compare backends on those probabilities, so the build compiles a copy of
# jllama.cpp that reads the names server.hpp writes.
function(ponder_fix_jllama_probabilities source destination)
    file(READ "${source}" text)
    ponder_replace(text "${source}" [=[entry["probs"]]=] [=[entry["top_logprobs"]]=])
    ponder_replace(text "${source}" [=[std::string tok_str = tp["tok_str"];]=] [=[std::string tok_str = tp["token"];]=])
    ponder_replace(text "${source}" [=[float prob = tp["prob"];]=]
            [=[float prob = std::exp(tp["logprob"].get<float>());]=])
    ponder_write_if_changed("${destination}" "${text}")
endfunction()

# llama.cpp b4980 splits text into words before BPE with a hand-written scanner for the GPT-2 and Llama 3 patterns, but
# Qwen2's (also DeepSeek-R1-Distill-Qwen's) falls through to std::regex, which backtracks recursively: 1.3 ms a thousand
# tokens on a 2-core VM before every prompt, and a stack overflow that kills the engine on a long run of one character
# (llama.cpp issue 21113, tens of thousands of 'A's). Qwen2's pattern is Llama 3's with one digit a word instead of up
# to three, so the copy of unicode.cpp compiled here gives the Llama 3 scanner a digit limit and sends Qwen2's pattern
# to it with a limit of one; upstream did the same later (llama.cpp pull request 21257). The pattern is taken from
# llama-vocab.cpp, where Qwen2's is defined, so that the two cannot part.
function(ponder_fix_qwen2_pretokenizer llama_src destination)
    set(qwen2_pattern
        [=["(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"]=])
    file(READ "${llama_src}/src/llama-vocab.cpp" vocab)
    ponder_require("${vocab}" "${llama_src}/src/llama-vocab.cpp" "${qwen2_pattern}")
    set(source "${llama_src}/src/unicode.cpp")
    file(READ "${source}" text)
    ponder_replace(text "${source}"
            [=[unicode_regex_split_custom_llama3(const std::string & text, const std::vector<size_t> & offsets) {]=]
            [=[unicode_regex_split_custom_llama3(const std::string & text, const std::vector<size_t> & offsets, size_t digits_a_word = 3) {]=])
    ponder_replace(text "${source}" [=[if (++pos - ini >= 3 ) {]=] [=[if (++pos - ini >= digits_a_word) {]=])
    ponder_replace(text "${source}"
            [=[        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets);
    }]=]
            "        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets);
    } else if (regex_expr == ${qwen2_pattern}) {
        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets, 1);
    }")
    ponder_write_if_changed("${destination}" "${text}")
endfunction()

# llama.cpp b4980's BPE tokenizer merges every word of a prompt anew, with a string allocation and a hash of a string
# pair for each step: most of the 2-3 ms it takes a thousand Qwen2 tokens, paid before every prompt, and again for the
# whole conversation before each reply of a chat. The copy of llama-vocab.cpp compiled here remembers how each word
# (of up to 64 bytes, 100,000 words at most) ended its merges, as Hugging Face's tokenizers do, so a word seen before
# skips them; the tokens are the same (build.sh checks them against Hugging Face's).
function(ponder_cache_bpe_words llama_src destination)
    set(source "${llama_src}/src/llama-vocab.cpp")
    file(READ "${source}" text)
    ponder_replace(text "${source}" "#include <unordered_map>" "#include <mutex>\n#include <unordered_map>")
    ponder_replace(text "${source}" [=[    std::vector<std::string> regex_exprs;
};

struct llm_tokenizer_bpe_session {]=] [=[    std::vector<std::string> regex_exprs;

    // Ponder: the lengths of the pieces each word's merges ended with. Tokenizing may run on several threads at once.
    mutable std::mutex ponder_words_mutex;
    mutable std::unordered_map<std::string, std::vector<uint32_t>> ponder_words;

    bool ponder_cached_pieces(const std::string & word, std::vector<llm_symbol> & symbols) const {
        std::lock_guard<std::mutex> lock(ponder_words_mutex);
        const auto cached = ponder_words.find(word);
        if (cached == ponder_words.end()) {
            return false;
        }
        size_t offset = 0;
        for (const uint32_t n : cached->second) {
            symbols.push_back(llm_symbol{-1, -1, word.c_str() + offset, n});
            offset += n;
        }
        return true;
    }

    void ponder_cache_pieces(const std::string & word, const std::vector<llm_symbol> & symbols) const {
        if (word.size() > 64) {
            return;
        }
        std::vector<uint32_t> pieces;
        for (const auto & sym : symbols) {
            if (sym.n > 0) {
                pieces.push_back((uint32_t) sym.n);
            }
        }
        std::lock_guard<std::mutex> lock(ponder_words_mutex);
        if (ponder_words.size() >= 100000) {
            ponder_words.clear();
        }
        ponder_words.emplace(word, std::move(pieces));
    }
};

struct llm_tokenizer_bpe_session {]=])
    ponder_replace(text "${source}" [=[            while (offset < word.size()) {
]=] [=[            const bool ponder_cached = offset < word.size() && tokenizer.ponder_cached_pieces(word, symbols);
            if (ponder_cached) {
                offset = word.size();
            }
            while (offset < word.size()) {
]=])
    ponder_replace(text "${source}" [=[            for (int i = 1; i < (int) symbols.size(); ++i) {
]=] [=[            for (int i = 1; !ponder_cached && i < (int) symbols.size(); ++i) {
]=])
    ponder_replace(text "${source}" [=[            // add the finished tokens to the final list keeping correct order for next and prev
]=] [=[            if (!ponder_cached) {
                tokenizer.ponder_cache_pieces(word, symbols);
            }
            // add the finished tokens to the final list keeping correct order for next and prev
]=])
    ponder_write_if_changed("${destination}" "${text}")
endfunction()
