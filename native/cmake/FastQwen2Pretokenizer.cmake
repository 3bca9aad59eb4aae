# llama.cpp b4980 splits text before BPE with hand-written code for the GPT-2 and Llama 3 patterns, and with
# std::regex for any other. Qwen2's pattern, which DeepSeek-R1's Qwen distills use, is Llama 3's with single digits
# (\p{N} where Llama 3 has \p{N}{1,3}), so it took the std::regex path. Tokenizing is paid for the whole
# conversation before every reply. The build compiles a copy of unicode.cpp whose Llama 3 splitter takes the longest
# run of digits as a parameter, and routes Qwen2's pattern to it with runs of one. Measured on the developer VM,
# 49,458 tokens of mixed text (READMEs, C++, llama.cpp's tokenizer test texts): 2.42 ms per 1,000 tokens with
# java-llama.cpp's own library, 1.27 with this build, the tokens identical. llama.cpp's tokenizer test on its Qwen2
# vocabulary (ponder-check-tokenizer, which build.sh runs) checks the tokens against Hugging Face's tokenizer.
include(${CMAKE_CURRENT_LIST_DIR}/PatchedCopy.cmake)

function(ponder_fast_qwen2_pretokenizer llama_source_dir destination)
    ponder_patched_copy("${llama_source_dir}/src/unicode.cpp" "${destination}"
            native/cmake/FastQwen2Pretokenizer.cmake
            [=[unicode_regex_split_custom_llama3(const std::string & text, const std::vector<size_t> & offsets) {]=]
            [=[unicode_regex_split_custom_llama3(const std::string & text, const std::vector<size_t> & offsets, size_t max_digits = 3) {]=]
            [=[if (++pos - ini >= 3 ) {]=]
            [=[if (++pos - ini >= max_digits) {]=]
            [=[        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets);
    }]=]
            [=[        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets);
    } else if (regex_expr == "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+") {
        bpe_offsets = unicode_regex_split_custom_llama3(text, offsets, 1);
    }]=])
    # The llama library compiles the copy in place of its own; "unicode.h" and the rest still come from src/.
    get_target_property(sources llama SOURCES)
    list(TRANSFORM sources REPLACE "^unicode\\.cpp$" "${destination}")
    set_target_properties(llama PROPERTIES SOURCES "${sources}")
    target_include_directories(llama PRIVATE ${llama_source_dir}/src)
endfunction()
